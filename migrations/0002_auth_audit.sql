-- Accounts, sessions and the audit log.

create table users (
  id integer generated always as identity primary key,
  username text not null unique check (username ~ '^[a-z0-9._-]{3,40}$'),
  password_hash text not null,
  role text not null check (role in ('admin', 'commander', 'planner', 'analyst')),
  agency text not null check (agency in ('customs', 'border_guard')),
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);

-- Only a SHA-256 of each token is stored: a leaked table cannot be replayed as cookies.
create table sessions (
  token_hash text primary key,
  user_id integer not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id integer,
  username text,
  role text,
  agency text,
  action text not null,
  target text,
  outcome text not null check (outcome in ('ok', 'denied', 'failed', 'error')),
  details jsonb,
  request_id text,
  client text
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_action_idx on audit_log (action, at);
create index audit_log_username_idx on audit_log (username, at);

-- Append-only for everyone but a migration: UPDATE, DELETE and TRUNCATE raise.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

alter table patrol_routes add column created_by integer references users (id) on delete set null;
alter table patrol_routes add column updated_by integer references users (id) on delete set null;
