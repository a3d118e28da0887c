-- FundManager as an Orleans cluster on its own database: the guards a second activation of a grain meets, and the
-- tables of Orleans' ADO.NET providers (clustering, reminders, grain storage) with the statements they run.

-- Every event follows the stream's last: with the primary key (one event per version) the versions of a stream have
-- no gap, so a grain activation that holds a stale entity cannot append after someone else's events. The first event
-- needs its stream's row; a later one follows an event, so its stream exists (streams are never deleted). This replaces
-- the foreign key, whose per-row check and lock cost more than the write it guarded.
create function event_follows_stream() returns trigger language plpgsql as $$
begin
    if new.version = 1 then
        if not exists (select 1 from streams where id = new.stream_id) then
            raise exception 'event 1 of stream % has no stream', new.stream_id
                using errcode = 'foreign_key_violation', constraint = 'events_stream_id_fkey';
        end if;
    elsif not exists (select 1 from events where stream_id = new.stream_id and version = new.version - 1) then
        raise exception 'event % of stream % does not follow the stream''s last event', new.version, new.stream_id
            using errcode = 'unique_violation', constraint = 'events_follow_stream';
    end if;
    return new;
end $$;
create trigger events_follow_stream before insert on events
    for each row execute function event_follows_stream();
alter table events drop constraint events_stream_id_fkey;

-- What the remaining foreign keys guarded, guarded once per statement or by the triggers that already read the row:
-- a journal entry's trigger reads its fund's ledger head (and refuses a fund without one), balances are written only
-- by the lines' trigger, and the lines' statement trigger checks that every line belongs to an entry: entries are
-- numbered 1 to the head's sequence without a gap, so a line belongs to one when its fund has a head at or past its
-- sequence (a look at the one row per fund, whatever the journal's length). Heads, streams and entries are never deleted.
alter table journal_entries drop constraint journal_entries_fund_code_fkey;
alter table account_balances drop constraint account_balances_fund_code_fkey;
alter table journal_lines drop constraint journal_lines_fund_code_seq_fkey;

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
    return null;
end $$;

create function forbid_delete() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted: % is refused', tg_table_name, tg_op
        using errcode = 'P0001';
end $$;
create trigger streams_never_deleted before delete on streams
    for each row execute function forbid_delete();
create trigger streams_no_truncate before truncate on streams
    for each statement execute function forbid_delete();
create trigger ledger_heads_never_deleted before delete on ledger_heads
    for each row execute function forbid_delete();
create trigger ledger_heads_no_truncate before truncate on ledger_heads
    for each statement execute function forbid_delete();

-- The chain head's check, refusing by a name the program recognises: an entry that does not follow the head comes from
-- a fund grain whose head is stale (a second activation), and nothing it sends is written.
create or replace function journal_entry_follows_head() returns trigger language plpgsql as $$
declare
    head ledger_heads%rowtype;
begin
    select * into head from ledger_heads where fund_code = new.fund_code for update;
    if not found then
        raise exception 'no ledger for fund %', new.fund_code;
    end if;
    if new.seq <> head.last_seq + 1 then
        raise exception 'journal entry % of fund % does not follow % (gapless sequence)', new.seq, new.fund_code, head.last_seq
            using errcode = 'unique_violation', constraint = 'journal_follows_head';
    end if;
    if new.prev_hash <> head.last_hash then
        raise exception 'journal entry % of fund % does not chain to the previous hash', new.seq, new.fund_code
            using errcode = 'unique_violation', constraint = 'journal_follows_head';
    end if;
    update ledger_heads set last_seq = new.seq, last_hash = new.hash where fund_code = new.fund_code;
    return new;
end $$;

-- A command's audit record is written in the command's transaction, and names the command.
alter table audit_log add column command_id uuid;
create index audit_log_by_command on audit_log (command_id) where command_id is not null;

-- Orleans' ADO.NET providers find their statements by key in OrleansQuery (the one name they fix) and bind parameters
-- by name (@DeploymentId, @Address, ...); they read result columns by name, case-insensitively. The tables here follow
-- FundManager's naming, and each statement names its columns as the provider reads them. What each key must do is said
-- beside it.
create table orleansquery (
    querykey   varchar(64) primary key,
    querytext  text not null
);

-- Membership: one version row per cluster (the table's optimistic-concurrency tag, bumped by every change of
-- membership) and one row per silo incarnation (address, port and generation).
create table orleans_membership_versions (
    deployment_id  text primary key,
    changed_at     timestamptz not null default now(),
    version        int not null default 0
);

create table orleans_members (
    deployment_id    text not null references orleans_membership_versions (deployment_id) on delete cascade,
    address          text not null,
    port             int not null,
    generation       int not null,
    silo_name        text not null,
    host_name        text not null,
    status           int not null,
    proxy_port       int,
    suspect_times    text,
    start_time       timestamptz not null,
    i_am_alive_time  timestamptz not null,
    primary key (deployment_id, address, port, generation)
);

insert into orleansquery (querykey, querytext) values
-- Creates the cluster's version row if missing; true when it was created.
('InsertMembershipVersionKey', $q$
    with created as (
        insert into orleans_membership_versions (deployment_id) values (@DeploymentId::text)
        on conflict (deployment_id) do nothing
        returning 1)
    select count(*) > 0 from created
$q$),
-- Adds a silo if the table is still at @Version, and moves the version on; both or neither. The version row is
-- locked first, so no other change of membership can slip in between.
('InsertMembershipKey', $q$
    with at_version as (
        select deployment_id from orleans_membership_versions
        where deployment_id = @DeploymentId::text and version = @Version::int
        for update),
    added as (
        insert into orleans_members (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
        select deployment_id, @Address::text, @Port::int, @Generation::int, @SiloName::text, @HostName::text, @Status::int, @ProxyPort::int,
            @StartTime::timestamptz, @IAmAliveTime::timestamptz
        from at_version
        on conflict do nothing
        returning deployment_id),
    moved_on as (
        update orleans_membership_versions v set version = v.version + 1, changed_at = now()
        from added where v.deployment_id = added.deployment_id
        returning 1)
    select count(*) > 0 from moved_on
$q$),
-- Changes a silo's status, suspicions and heartbeat if the table is still at @Version, and moves the version on.
('UpdateMembershipKey', $q$
    with at_version as (
        select deployment_id from orleans_membership_versions
        where deployment_id = @DeploymentId::text and version = @Version::int
        for update),
    changed as (
        update orleans_members m
        set status = @Status::int, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime::timestamptz
        from at_version
        where m.deployment_id = at_version.deployment_id
            and m.address = @Address::text and m.port = @Port::int and m.generation = @Generation::int
        returning m.deployment_id),
    moved_on as (
        update orleans_membership_versions v set version = v.version + 1, changed_at = now()
        from changed where v.deployment_id = changed.deployment_id
        returning 1)
    select count(*) > 0 from moved_on
$q$),
-- A silo's heartbeat; it does not move the version.
('UpdateIAmAlivetimeKey', $q$
    update orleans_members set i_am_alive_time = @IAmAliveTime::timestamptz
    where deployment_id = @DeploymentId::text and address = @Address::text and port = @Port::int and generation = @Generation::int
$q$),
-- One silo and the table's version: always the version row, with the silo's columns null when it is not there.
('MembershipReadRowKey', $q$
    select v.deployment_id as DeploymentId, m.address as Address, m.port as Port, m.generation as Generation,
        m.silo_name as SiloName, m.host_name as HostName, m.status as Status, m.proxy_port as ProxyPort,
        m.suspect_times as SuspectTimes, m.start_time as StartTime, m.i_am_alive_time as IAmAliveTime, v.version as Version
    from orleans_membership_versions v
    left join orleans_members m on m.deployment_id = v.deployment_id
        and m.address = @Address::text and m.port = @Port::int and m.generation = @Generation::int
    where v.deployment_id = @DeploymentId::text
$q$),
-- Every silo and the table's version (one row with null silo columns when there is no silo).
('MembershipReadAllKey', $q$
    select v.deployment_id as DeploymentId, m.address as Address, m.port as Port, m.generation as Generation,
        m.silo_name as SiloName, m.host_name as HostName, m.status as Status, m.proxy_port as ProxyPort,
        m.suspect_times as SuspectTimes, m.start_time as StartTime, m.i_am_alive_time as IAmAliveTime, v.version as Version
    from orleans_membership_versions v
    left join orleans_members m on m.deployment_id = v.deployment_id
    where v.deployment_id = @DeploymentId::text
$q$),
('DeleteMembershipTableEntriesKey', $q$
    delete from orleans_membership_versions where deployment_id = @DeploymentId::text
$q$),
-- The gateways clients may connect to: silos with the given status (active) that accept clients.
('GatewaysQueryKey', $q$
    select address as Address, proxy_port as ProxyPort, generation as Generation
    from orleans_members
    where deployment_id = @DeploymentId::text and status = @Status::int and proxy_port > 0
$q$),
-- Forgets silos that have not been active and not heard from since @IAmAliveTime (3 is Active).
('CleanupDefunctSiloEntriesKey', $q$
    delete from orleans_members
    where deployment_id = @DeploymentId::text and i_am_alive_time < @IAmAliveTime::timestamptz and status <> 3
$q$);

-- Reminders: one row per grain and reminder name, found by the grain's uniform hash when a silo takes its share
-- of the ring. version is the row's optimistic-concurrency tag.
create table orleans_reminders (
    service_id     text not null,
    grain_id       text not null,
    reminder_name  text not null,
    start_time     timestamptz not null,
    period         bigint not null,
    grain_hash     int not null,
    version        int not null,
    primary key (service_id, grain_id, reminder_name)
);
create index orleans_reminders_by_hash on orleans_reminders (service_id, grain_hash);

insert into orleansquery (querykey, querytext) values
('ReadReminderRowsKey', $q$
    select grain_id as GrainId, reminder_name as ReminderName, start_time as StartTime, period as Period, version as Version
    from orleans_reminders where service_id = @ServiceId::text and grain_id = @GrainId::text
$q$),
('ReadReminderRowKey', $q$
    select grain_id as GrainId, reminder_name as ReminderName, start_time as StartTime, period as Period, version as Version
    from orleans_reminders where service_id = @ServiceId::text and grain_id = @GrainId::text and reminder_name = @ReminderName::text
$q$),
-- The ring range (@BeginHash, @EndHash] when it does not wrap around...
('ReadRangeRows1Key', $q$
    select grain_id as GrainId, reminder_name as ReminderName, start_time as StartTime, period as Period, version as Version
    from orleans_reminders where service_id = @ServiceId::text and grain_hash > @BeginHash::int and grain_hash <= @EndHash::int
$q$),
-- ... and when it does.
('ReadRangeRows2Key', $q$
    select grain_id as GrainId, reminder_name as ReminderName, start_time as StartTime, period as Period, version as Version
    from orleans_reminders where service_id = @ServiceId::text and (grain_hash > @BeginHash::int or grain_hash <= @EndHash::int)
$q$),
-- Creates or replaces a reminder; returns its new version.
('UpsertReminderRowKey', $q$
    insert into orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    values (@ServiceId::text, @GrainId::text, @ReminderName::text, @StartTime::timestamptz, @Period::bigint, @GrainHash::int, 0)
    on conflict (service_id, grain_id, reminder_name) do update
        set start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
            version = orleans_reminders.version + 1
    returning version as Version
$q$),
-- Deletes a reminder still at @Version; true when it did.
('DeleteReminderRowKey', $q$
    with deleted as (
        delete from orleans_reminders
        where service_id = @ServiceId::text and grain_id = @GrainId::text and reminder_name = @ReminderName::text and version = @Version::int
        returning 1)
    select count(*) > 0 from deleted
$q$),
('DeleteReminderRowsKey', $q$
    delete from orleans_reminders where service_id = @ServiceId::text
$q$);

-- Grain state that is not part of the financial record (reminder items, later online-donation sessions and
-- drafts): one row per grain and state type, its payload as the serializer wrote it, version the optimistic tag.
create table orleans_grain_state (
    service_id      text not null,
    grain_type      text not null,
    grain_id_n0     bigint not null,
    grain_id_n1     bigint not null,
    grain_id_text   text,
    grain_id_hash   int not null,
    grain_type_hash int not null,
    payload         bytea,
    version         int not null,
    modified_at     timestamptz not null default now()
);
create unique index orleans_grain_state_key
    on orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_text) nulls not distinct;

insert into orleansquery (querykey, querytext) values
('ReadFromStorageKey', $q$
    select payload as PayloadBinary, version as Version
    from orleans_grain_state
    where service_id = @ServiceId::text and grain_type = @GrainTypeString::text
        and grain_id_n0 = @GrainIdN0::bigint and grain_id_n1 = @GrainIdN1::bigint
        and grain_id_text is not distinct from @GrainIdExtensionString::text
$q$),
-- Writes the state if it is still at @GrainStateVersion (null: not stored yet); returns the new version, or no row
-- when someone else wrote first.
('WriteToStorageKey', $q$
    with replaced as (
        update orleans_grain_state
        set payload = @PayloadBinary::bytea, version = version + 1, modified_at = now()
        where @GrainStateVersion::int is not null and version = @GrainStateVersion::int
            and service_id = @ServiceId::text and grain_type = @GrainTypeString::text
            and grain_id_n0 = @GrainIdN0::bigint and grain_id_n1 = @GrainIdN1::bigint
            and grain_id_text is not distinct from @GrainIdExtensionString::text
        returning version),
    added as (
        insert into orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_text, grain_id_hash, grain_type_hash, payload, version)
        select @ServiceId::text, @GrainTypeString::text, @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainIdExtensionString::text,
            @GrainIdHash::int, @GrainTypeHash::int, @PayloadBinary::bytea, 1
        where @GrainStateVersion::int is null
        on conflict do nothing
        returning version)
    select version as NewGrainStateVersion from replaced
    union all
    select version from added
$q$),
-- Empties the state if it is still at @GrainStateVersion; returns the new version.
('ClearStorageKey', $q$
    update orleans_grain_state
    set payload = null, version = version + 1, modified_at = now()
    where version = @GrainStateVersion::int
        and service_id = @ServiceId::text and grain_type = @GrainTypeString::text
        and grain_id_n0 = @GrainIdN0::bigint and grain_id_n1 = @GrainIdN1::bigint
        and grain_id_text is not distinct from @GrainIdExtensionString::text
    returning version as Version
$q$);
