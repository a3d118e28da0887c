-- The step an entity waits for (a grant's GrantStep), so that a work queue reads the few rows waiting instead of
-- every grant. Grants written before this migration are listed again at start-up (listed_version <> version).
alter table streams add column awaiting text;

create index streams_awaiting on streams (kind, awaiting) where awaiting is not null;

update streams set listed_version = 0 where kind = 'grant';
