-- account_balances and account_days join stream_years off the postings' path. The journal's lines trigger upserted both
-- with every posting; without those two upserts a fund takes a quarter more postings per second with eight writers.
-- The three tables of sums now hold each fund's journal up to one mark, journal_sums_through.last_seq, brought up to
-- the chain head by a refresh; readers add the lines after the mark from the journal itself, so sums that lag make a
-- read slower, never different.
alter table stream_years_through rename to journal_sums_through;

-- stream_years lags its mark (or has none, for a fund opened since it was introduced); account_balances and
-- account_days are at the heads. Bring stream_years up to the heads too, so that one mark holds for all three.
insert into journal_sums_through (fund_code, last_seq)
select fund_code, 0 from ledger_heads
on conflict (fund_code) do nothing;

insert into stream_years (fund_code, year, source_stream, account, currency, debit, credit, original_debit, first_day, last_day)
select l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency, sum(l.debit), sum(l.credit),
       coalesce(sum(l.original_amount) filter (where l.debit > 0), 0), min(e.entry_date), max(e.entry_date)
from journal_sums_through t
join journal_lines l on l.fund_code = t.fund_code and l.seq > t.last_seq
join journal_entries e on e.fund_code = l.fund_code and e.seq = l.seq
group by l.fund_code, extract(year from e.entry_date)::int, e.source_stream, l.account, l.currency
on conflict (fund_code, year, source_stream, account, currency) do update
    set debit = stream_years.debit + excluded.debit,
        credit = stream_years.credit + excluded.credit,
        original_debit = stream_years.original_debit + excluded.original_debit,
        first_day = least(stream_years.first_day, excluded.first_day),
        last_day = greatest(stream_years.last_day, excluded.last_day);

update journal_sums_through t set last_seq = h.last_seq from ledger_heads h where h.fund_code = t.fund_code;

-- What remains of the lines trigger: every line belongs to an entry. Entries are numbered 1 to their fund's head without
-- a gap, so a line belongs to one when its fund has a head at or past its sequence.
drop trigger journal_lines_balances on journal_lines;
drop function account_balance_add();
create function journal_lines_have_entries() returns trigger language plpgsql as $$
begin
    if exists (select 1 from inserted_lines l left join ledger_heads h on h.fund_code = l.fund_code where h.fund_code is null or l.seq > h.last_seq) then
        raise exception 'a journal line belongs to no journal entry'
            using errcode = 'foreign_key_violation', constraint = 'journal_lines_fund_code_seq_fkey';
    end if;
    return null;
end $$;
create trigger journal_lines_have_entries after insert on journal_lines
    referencing new table as inserted_lines
    for each statement execute function journal_lines_have_entries();
