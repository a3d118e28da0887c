-- Two indexes that every posting wrote to and no query reads through. Every event is numbered by its identity column,
-- and the only history paged in that order, the receipts, has its own index (events_receipts, 0005). An account's
-- activity is read by day: the days it has lines on (account_days, and the lines posted since their refresh), each
-- day's entries in order through journal_entries_by_date_seq, so the lines' index by account (0005) is not needed. A
-- group of eight commands wrote about sixty index entries; these two were a third of them. With eight writers on one
-- fund, the benchmark's postings per second rose by about a tenth.
drop index events_position;
drop index journal_lines_by_account;
