-- Personal API tokens, for QGIS and GDAL (HTTP Basic or Bearer). Like sessions, only a SHA-256
-- of each 256-bit token is stored. A token is never deleted, only revoked, so the audit rows that
-- name it keep pointing at its name and owner.
create table api_tokens (
  id integer generated always as identity primary key,
  user_id integer not null references users (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz,
  check (expires_at > created_at)
);
create index api_tokens_user_idx on api_tokens (user_id, created_at);

-- Which token authenticated the request an audit row records (null for a session or the CLI).
-- No foreign key: the log outlives anything it names, like user_id.
alter table audit_log add column token_id integer;
