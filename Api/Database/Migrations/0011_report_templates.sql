-- The report templates as the administrators edit them: every saved text is a new version, numbered 1, 2, 3... per
-- template without gaps, and kept for ever (who, when, why, and the text itself), so any report can be traced to the
-- exact text that made it. Version 0 of each template is the file shipped in config/templates, never stored here.
create table report_template_versions (
    name        text not null check (name ~ '^[a-z0-9-]+(\.[a-z]+)?\.sbn$'),
    version     int not null check (version >= 1),
    body        text not null check (length(body) <= 262144),
    sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    changed_by  text not null references users (email),
    changed_at  timestamptz not null,
    reason      text not null check (length(btrim(reason)) between 1 and 2000),
    primary key (name, version)
);

-- Versions follow one another: the first is 1, each next one is the last plus one. Two administrators saving at once
-- both read version n and both try n + 1; the primary key lets one in and refuses the other.
create function report_template_version_follows() returns trigger language plpgsql as $$
begin
    if new.version <> coalesce((select max(version) from report_template_versions where name = new.name), 0) + 1 then
        raise exception 'template % version % does not follow the last version', new.name, new.version
            using errcode = 'check_violation', constraint = 'report_template_versions_follow';
    end if;
    return new;
end $$;

create trigger report_template_versions_follow before insert on report_template_versions
    for each row execute function report_template_version_follows();
create trigger report_template_versions_append_only before update or delete on report_template_versions
    for each row execute function forbid_change();
create trigger report_template_versions_no_truncate before truncate on report_template_versions
    for each statement execute function forbid_change();
