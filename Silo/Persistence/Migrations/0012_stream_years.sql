-- What each entity's postings (a source stream's) came to per account, original currency and year, kept by the
-- statement trigger that keeps account_balances and account_days. The reports attribute the ledger to pledges, donors
-- and grants through these sums: a year's figures add up tens of thousands of these rows, and read the journal's own
-- lines only for a year the period cuts through, instead of every line of the fund's history. Derived from the
-- journal, like account_days; the ledger's verification never reads it.
create table stream_years (
    fund_code      text not null,
    year           int not null,
    source_stream  text not null,
    account        int not null,
    currency       char(3) not null,
    debit          numeric(24, 2) not null default 0,
    credit         numeric(24, 2) not null default 0,
    -- The debit lines' amounts in the currency the money moved in (a receipt's cash line: the amount received).
    original_debit numeric(28, 4) not null default 0,
    first_day      date not null,
    last_day       date not null,
    primary key (fund_code, year, source_stream, account, currency));

insert into stream_years (fund_code, year, source_stream, account, currency, debit, credit, original_debit, first_day, last_day)
select l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency, sum(l.debit), sum(l.credit),
       coalesce(sum(l.original_amount) filter (where l.debit > 0), 0), min(e.entry_date), max(e.entry_date)
from journal_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
group by l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency;
analyze stream_years;

-- An entry's lines are inserted after the entry, in the same transaction, so the entry's date and stream are there to join.
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
    insert into stream_years (fund_code, year, source_stream, account, currency, debit, credit, original_debit, first_day, last_day)
    select l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency, sum(l.debit), sum(l.credit),
           coalesce(sum(l.original_amount) filter (where l.debit > 0), 0), min(e.entry_date), max(e.entry_date)
    from inserted_lines l join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
    group by l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency
    on conflict (fund_code, year, source_stream, account, currency) do update
        set debit = stream_years.debit + excluded.debit,
            credit = stream_years.credit + excluded.credit,
            original_debit = stream_years.original_debit + excluded.original_debit,
            first_day = least(stream_years.first_day, excluded.first_day),
            last_day = greatest(stream_years.last_day, excluded.last_day);
    return null;
end $$;
