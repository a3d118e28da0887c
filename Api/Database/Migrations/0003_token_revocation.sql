-- Logging out (or being disabled) invalidates every token issued to the user before that moment.
alter table users add column tokens_revoked_at timestamptz;
