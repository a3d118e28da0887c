-- Each account's movements per day, kept by the statement trigger that keeps account_balances, so that an account's
-- balance brought forward to any date (and how many lines came before it) sums a few hundred days instead of every
-- line before it: the account activity pages of a fund with a million lines stay fast. Derived from the journal, like
-- account_balances; the ledger's verification never reads it.
create table account_days (
    fund_code text not null,
    account   int not null,
    day       date not null,
    debit     numeric(24,2) not null default 0,
    credit    numeric(24,2) not null default 0,
    lines     bigint not null default 0,
    primary key (fund_code, account, day) include (debit, credit, lines));

insert into account_days (fund_code, account, day, debit, credit, lines)
select l.fund_code, l.account, e.entry_date, sum(l.debit), sum(l.credit), count(*)
from journal_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
group by l.fund_code, l.account, e.entry_date;
analyze account_days;

-- An entry's lines are inserted after the entry, in the same transaction, so the entry's date is there to join.
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

-- An account's lines in date order, a page at a time: entries by date, then sequence.
create index journal_entries_by_date_seq on journal_entries (fund_code, entry_date, seq);
drop index journal_entries_date;
analyze journal_entries;
