-- Bank statements (ISO 20022 camt.053) as imported, and each of their entries with what became of it. A statement is
-- imported once (message id, account and statement id identify it); an entry once per account (the account servicer's
-- reference identifies it), whichever statement or file brings it again.
create table bank_statements (
    message_id    text not null,
    account       text not null,
    statement_id  text not null,
    currency      char(3) not null check (currency ~ '^[A-Z]{3}$'),
    opening       numeric(24, 4) not null,
    closing       numeric(24, 4) not null,
    closing_on    date,
    imported_at   timestamptz not null,
    imported_by   text not null,
    primary key (message_id, account, statement_id)
);

-- status: 'proposed' (a credit with a match to confirm), 'suspense' (a credit nothing matched), 'confirmed' (its
-- receipt is recorded), 'debit' (money out, such as bank charges: shown, never a receipt), 'pending' (not yet booked).
-- pledge_id, instalment and donor_id are the match proposed (or confirmed); match_note says why, or why none.
create table bank_entries (
    position       bigint generated always as identity unique,
    account        text not null,
    reference      text not null,
    message_id     text not null,
    statement_id   text not null,
    amount         numeric(24, 4) not null check (amount > 0),
    currency       char(3) not null check (currency ~ '^[A-Z]{3}$'),
    is_credit      boolean not null,
    booked_on      date not null,
    value_on       date,
    debtor_name    text,
    debtor_iban    text,
    remittance     text[] not null,
    status         text not null check (status in ('proposed', 'suspense', 'confirmed', 'debit', 'pending')),
    match_rule     text,
    match_note     text,
    pledge_id      uuid,
    instalment     int,
    donor_id       uuid,
    receipt_id     uuid,
    confirmed_by   text,
    confirmed_at   timestamptz,
    primary key (account, reference),
    foreign key (message_id, account, statement_id) references bank_statements,
    check ((status = 'confirmed') = (receipt_id is not null)),
    check (status <> 'proposed' or pledge_id is not null)
);
create index bank_entries_by_status on bank_entries (status, position);
