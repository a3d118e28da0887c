-- What lists filter by, kept with each stream by the command that changes it (see Listing), so that a list of
-- grants or pledges reads one row per entity instead of replaying every history. listed_version is the stream
-- version the listing was taken at; streams written before this migration are listed at start-up.
alter table streams
    add column donor_id        uuid,
    add column status          text,
    add column category        text,
    add column country         text,
    add column region          text,
    add column years           int[] not null default '{}',
    add column label           text,
    add column listed_version  bigint not null default 0;

create index streams_by_donor on streams (donor_id) where donor_id is not null;
create index streams_by_country on streams (kind, country);
create index streams_by_years on streams using gin (years);

-- Superseded by streams.donor_id.
drop index events_pledge_donor;

-- Receipts are listed across pledges in the order they were recorded.
create index events_receipts on events (position) where type = 'ReceiptRecorded';

-- An account's activity (general ledger) without reading the whole journal.
create index journal_lines_by_account on journal_lines (fund_code, account);
