-- First start in steps, login throttling counted in the database, anonymous denials counted
-- rather than logged one row each.

-- Each step of the embedded demo's first start is recorded in the same transaction as its work,
-- so an interrupted start resumes at the first step without a record.
create table setup_steps (
  step text primary key,
  done_at timestamptz not null default now()
);
-- Databases set up before this table existed: a step counts as done only if all its work is there.
insert into setup_steps (step)
select 'geodata'
where exists (select 1 from provinces) and exists (select 1 from frontier_segments)
  and exists (select 1 from border_gates) and exists (select 1 from waterways)
  and exists (select 1 from trails);
insert into setup_steps (step) select 'synthetic_seizures' where exists (select 1 from seizures where synthetic);
insert into setup_steps (step) select 'demo_users' where exists (select 1 from users);

-- Login attempts per scope ('pair' = username and client, 'client', 'user'): reserved atomically
-- before a password is checked, so simultaneous guesses cannot all slip under the limit.
create table login_throttle (
  scope text not null check (scope in ('pair', 'client', 'user')),
  key text not null,
  attempts integer not null default 0 check (attempts >= 0),
  last_at timestamptz not null,
  blocked_until timestamptz,
  primary key (scope, key)
);

-- Requests refused without a signed-in user, per client and time window: the audit log gets a
-- row for the first of each window, this table the count, so a flood cannot fill the log.
create table anonymous_denials (
  client text not null,
  window_start timestamptz not null,
  count integer not null check (count > 0),
  first_at timestamptz not null,
  last_at timestamptz not null,
  last_action text not null,
  primary key (client, window_start)
);
