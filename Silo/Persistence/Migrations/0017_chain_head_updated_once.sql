-- The chain head's check (0006) in one statement: the head moves only from the entry before, with its hash. A head
-- locked by another transaction is waited for and judged as that transaction left it. Only an entry that does not
-- follow reads the head again, to say why it is refused; the refusals keep their names.
create or replace function journal_entry_follows_head() returns trigger language plpgsql as $$
declare
    head ledger_heads%rowtype;
begin
    update ledger_heads set last_seq = new.seq, last_hash = new.hash
    where fund_code = new.fund_code and last_seq = new.seq - 1 and last_hash = new.prev_hash;
    if found then
        return new;
    end if;

    select * into head from ledger_heads where fund_code = new.fund_code;
    if not found then
        raise exception 'no ledger for fund %', new.fund_code;
    end if;
    if new.seq <> head.last_seq + 1 then
        raise exception 'journal entry % of fund % does not follow % (gapless sequence)', new.seq, new.fund_code, head.last_seq
            using errcode = 'unique_violation', constraint = 'journal_follows_head';
    end if;
    raise exception 'journal entry % of fund % does not chain to the previous hash', new.seq, new.fund_code
        using errcode = 'unique_violation', constraint = 'journal_follows_head';
end $$;
