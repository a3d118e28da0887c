-- What the journal's lines trigger costs each posting (account_balance_add, which keeps account_balances and
-- account_days), with two faults mended.
--
-- account_days' key no longer carries its sums. With debit, credit and lines in the index, every posting's upsert of
-- its accounts' day rows changed an indexed column, so PostgreSQL could never update a row in place (a HOT update):
-- each posting added index entries for the same few rows, and each upsert then walked past the dead ones to find its
-- row. A balance brought forward now reads the table's rows for the days it sums rather than the index alone, which an
-- account's page does not notice.
alter table account_days drop constraint account_days_pkey;
alter table account_days add primary key (fund_code, account, day);

-- The trigger's statements are planned once per session, and the plans kept. Planned while the journal was small (a new
-- database's first postings), the join that finds each line's entry date read the whole of journal_entries with every
-- posting from then on: 5,244 entries a minute into the core benchmark, most of a posting's time in the database.
-- Planned without sequential scans, the trigger's joins go through the keys, whatever the tables' size when planned.
alter function account_balance_add() set enable_seqscan = off;
