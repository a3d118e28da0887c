-- FundManager core schema: single-writer entity streams, the command log, exchange rates and
-- the double-entry ledger. The journal, the event history and the command log are append-only:
-- triggers refuse UPDATE, DELETE and TRUNCATE on them; corrections are new events and reversing entries.

create table streams (
    id          text primary key,
    kind        text not null,
    fund_code   text,
    version     bigint not null check (version > 0),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index streams_kind_fund on streams (kind, fund_code);

create table events (
    position     bigint generated always as identity,
    stream_id    text not null references streams (id),
    version      bigint not null check (version > 0),
    type         text not null,
    data         jsonb not null,
    actor        text not null,
    recorded_at  timestamptz not null,
    command_id   uuid not null,
    reason       text,
    primary key (stream_id, version)
);
create unique index events_position on events (position);

create table commands (
    command_id   uuid primary key,
    kind         text not null,
    body_hash    bytea not null,
    result       jsonb not null,
    actor        text not null,
    recorded_at  timestamptz not null
);

create table exchange_rates (
    currency       char(3) not null check (currency ~ '^[A-Z]{3}$'),
    effective_on   date not null,
    units_per_usd  numeric(28, 10) not null check (units_per_usd > 0),
    recorded_at    timestamptz not null,
    primary key (currency, effective_on)
);

-- One row per bank or processor reference: the same money is never counted twice, even by two
-- processes racing, because the insert happens inside the receipt's own transaction.
create table receipt_references (
    reference    text primary key,
    pledge_id    text not null references streams (id),
    command_id   uuid not null
);

-- The head of each fund's hash chain. Locking this row serialises every posting to the fund, which
-- makes the sequence gapless and fund-level checks (uncommitted funds) safe across processes.
create table ledger_heads (
    fund_code  text primary key,
    last_seq   bigint not null default 0 check (last_seq >= 0),
    last_hash  bytea not null default decode(repeat('00', 32), 'hex') check (length(last_hash) = 32)
);

create table journal_entries (
    fund_code       text not null references ledger_heads (fund_code),
    seq             bigint not null check (seq > 0),
    entry_date      date not null,
    description     text not null,
    source_stream   text not null,
    source_version  bigint not null,
    source_event    text not null,
    command_id      uuid not null,
    actor           text not null,
    recorded_at     timestamptz not null,
    prev_hash       bytea not null check (length(prev_hash) = 32),
    hash            bytea not null check (length(hash) = 32),
    primary key (fund_code, seq)
);
create index journal_entries_date on journal_entries (fund_code, entry_date);

create table journal_lines (
    fund_code        text not null,
    seq              bigint not null,
    line_no          int not null check (line_no > 0),
    account          int not null,
    debit            numeric(20, 2) not null check (debit >= 0),
    credit           numeric(20, 2) not null check (credit >= 0),
    currency         char(3) not null,
    original_amount  numeric(24, 4) not null check (original_amount >= 0),
    memo             text,
    primary key (fund_code, seq, line_no),
    foreign key (fund_code, seq) references journal_entries (fund_code, seq),
    check ((debit = 0) <> (credit = 0))
);

-- Running totals per account, kept by trigger in the posting's own transaction, so that a
-- commitment decision reads balances without summing the whole journal.
create table account_balances (
    fund_code  text not null references ledger_heads (fund_code),
    account    int not null,
    debit      numeric(24, 2) not null default 0,
    credit     numeric(24, 2) not null default 0,
    primary key (fund_code, account)
);

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is refused (post a correcting entry instead)', tg_table_name, tg_op
        using errcode = 'P0001';
end $$;

create trigger journal_entries_append_only before update or delete on journal_entries
    for each row execute function forbid_change();
create trigger journal_entries_no_truncate before truncate on journal_entries
    for each statement execute function forbid_change();
create trigger journal_lines_append_only before update or delete on journal_lines
    for each row execute function forbid_change();
create trigger journal_lines_no_truncate before truncate on journal_lines
    for each statement execute function forbid_change();
create trigger events_append_only before update or delete on events
    for each row execute function forbid_change();
create trigger events_no_truncate before truncate on events
    for each statement execute function forbid_change();
create trigger commands_append_only before update or delete on commands
    for each row execute function forbid_change();
create trigger receipt_references_append_only before update or delete on receipt_references
    for each row execute function forbid_change();

-- Gapless numbering and the hash chain: an entry must follow the head exactly, and moves it.
create function journal_entry_follows_head() returns trigger language plpgsql as $$
declare
    head ledger_heads%rowtype;
begin
    select * into head from ledger_heads where fund_code = new.fund_code for update;
    if not found then
        raise exception 'no ledger for fund %', new.fund_code;
    end if;
    if new.seq <> head.last_seq + 1 then
        raise exception 'journal entry % of fund % does not follow % (gapless sequence)', new.seq, new.fund_code, head.last_seq;
    end if;
    if new.prev_hash <> head.last_hash then
        raise exception 'journal entry % of fund % does not chain to the previous hash', new.seq, new.fund_code;
    end if;
    update ledger_heads set last_seq = new.seq, last_hash = new.hash where fund_code = new.fund_code;
    return new;
end $$;
create trigger journal_entries_follow_head before insert on journal_entries
    for each row execute function journal_entry_follows_head();

-- Debits equal credits, checked when the transaction commits (after all lines are in).
create function journal_entry_balances() returns trigger language plpgsql as $$
declare
    total_debit numeric;
    total_credit numeric;
    line_count int;
begin
    select coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*)
      into total_debit, total_credit, line_count
      from journal_lines where fund_code = new.fund_code and seq = new.seq;
    if line_count < 2 or total_debit <> total_credit then
        raise exception 'journal entry % of fund % is unbalanced: debits %, credits %, % lines',
            new.seq, new.fund_code, total_debit, total_credit, line_count;
    end if;
    return null;
end $$;
create constraint trigger journal_entries_balanced after insert on journal_entries
    deferrable initially deferred
    for each row execute function journal_entry_balances();

-- One upsert per statement (the lines of an entry are inserted by one statement), from the transition table.
create function account_balance_add() returns trigger language plpgsql as $$
begin
    insert into account_balances (fund_code, account, debit, credit)
    select fund_code, account, sum(debit), sum(credit) from inserted_lines group by fund_code, account
    on conflict (fund_code, account) do update
        set debit = account_balances.debit + excluded.debit,
            credit = account_balances.credit + excluded.credit;
    return null;
end $$;
create trigger journal_lines_balances after insert on journal_lines
    referencing new table as inserted_lines
    for each statement execute function account_balance_add();

-- Rates are published once per currency and date; a revision takes a new effective date.
create trigger exchange_rates_append_only before update or delete on exchange_rates
    for each row execute function forbid_change();
