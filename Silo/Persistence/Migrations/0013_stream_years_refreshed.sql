-- stream_years is kept by a refresh rather than by the journal's trigger: one more upsert in every posting's
-- transaction cost a third of the postings a fund takes per second with eight writers. The table now holds the
-- journal's lines up to stream_years_through.last_seq; readers add the lines after it from the journal itself, so a
-- stale table is never a wrong one. The funds' daily reminders and the demo loads refresh it.
create or replace function account_balance_add() returns trigger language plpgsql as $$
begin
    if exists (select 1 from inserted_lines l left join ledger_heads h on h.fund_code = l.fund_code where h.fund_code is null or l.seq > h.last_seq) then
        raise exception 'a journal line belongs to no journal entry'
            using errcode = 'foreign_key_violation', constraint = 'journal_lines_fund_code_seq_fkey';
    end if;
    insert into account_balances (fund_code, account, debit, credit)
    select fund_code, account, sum(debit), sum(credit) from inserted_lines group by fund_code, account
    on conflict (fund_code, account) do update
        set debit = account_balances.debit + excluded.debit,
            credit = account_balances.credit + excluded.credit;
    insert into account_days (fund_code, account, day, debit, credit, lines)
    select l.fund_code, l.account, e.entry_date, sum(l.debit), sum(l.credit), count(*)
    from inserted_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
    group by l.fund_code, l.account, e.entry_date
    on conflict (fund_code, account, day) do update
        set debit = account_days.debit + excluded.debit,
            credit = account_days.credit + excluded.credit,
            lines = account_days.lines + excluded.lines;
    return null;
end $$;

-- Per fund, the last journal entry stream_years holds. Until now the trigger kept the table up to each fund's head.
create table stream_years_through (
    fund_code text primary key,
    last_seq  bigint not null check (last_seq >= 0));

insert into stream_years_through (fund_code, last_seq)
select fund_code, last_seq from ledger_heads;
