-- Online giving through Stripe: the donors a giver is found by, each webhook event processed once, each signed delivery
-- accepted once, and a record of every delivery with what became of it.

-- A returning giver is found by the processor's customer linked to a donor, or by the email a donor registered with.
create index events_payment_customer on events ((data->>'customer')) where type = 'DonorPaymentCustomerLinked';
create index events_donor_email on events (lower(data->>'email')) where type = 'DonorRegistered';

-- An event id is written when its processing has finished: a redelivery finds it and changes nothing.
create table stripe_events (
    event_id      text primary key,
    type          text not null,
    processed_at  timestamptz not null
);

-- The hash of each accepted Stripe-Signature header: the same signed request sent again is a replay, refused.
create table stripe_signatures (
    signature    bytea primary key,
    received_at  timestamptz not null
);

-- Every delivery to the webhook, accepted or refused, and why: the audit record of online giving.
create table webhook_deliveries (
    position     bigint generated always as identity primary key,
    received_at  timestamptz not null,
    source       text not null,
    event_id     text,
    event_type   text,
    status       int not null,
    outcome      text not null check (outcome in ('processed', 'redelivered', 'refused', 'failed')),
    reason       text
);
create trigger webhook_deliveries_append_only before update or delete on webhook_deliveries
    for each row execute function forbid_change();
create trigger webhook_deliveries_no_truncate before truncate on webhook_deliveries
    for each statement execute function forbid_change();
