-- People who use the API, with their roles, and the audit trail of every state-changing request.

create table users (
    email          text primary key check (email = lower(email) and length(email) between 3 and 254),
    password_hash  text not null,
    roles          text[] not null check (cardinality(roles) > 0
                       and roles <@ array['donor', 'officer', 'approver', 'board', 'auditor', 'admin']),
    donor_id       uuid,
    disabled       boolean not null default false,
    failed_logins  int not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz not null,
    -- A donor user is linked to exactly one donor; nobody else is.
    check ((donor_id is not null) = ('donor' = any (roles)))
);

create table audit_log (
    id               bigint generated always as identity primary key,
    at               timestamptz not null,
    actor            text,
    client_address   text,
    method           text not null,
    path             text not null,
    entity           text,
    status           int not null,
    outcome          text not null,
    idempotency_key  text
);
create index audit_log_at on audit_log (at);

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function forbid_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function forbid_change();
