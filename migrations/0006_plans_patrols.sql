-- Patrol planning: a plan is a named, versioned set of routes (a post's weekly plan); patrols
-- that took place are recorded with their track and what they led to, and count as effort.

create table patrol_plans (
  id integer generated always as identity primary key,
  name text not null,
  province text not null references provinces (id),
  agency text not null check (agency in ('customs', 'border_guard', 'joint')),
  unit text,
  note text,
  -- The seizures whose density is the plan's risk: this window (dates in Vietnam time) and these
  -- goods categories (null = all). Null dates mean the twelve months before today.
  risk_from date,
  risk_to date check (risk_to is null or risk_from is null or risk_to >= risk_from),
  risk_categories text[],
  version integer not null default 1,
  created_by integer references users (id) on delete set null,
  updated_by integer references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index patrol_plans_province_idx on patrol_plans (province);

-- A route belongs to at most one plan; routes outside any plan stay valid (the routes API and
-- the patrol_routes layer predate plans). Deleting a plan deletes its routes.
alter table patrol_routes add column plan_id integer references patrol_plans (id) on delete cascade;
create index patrol_routes_plan_idx on patrol_routes (plan_id);

-- Recorded GPS tracks become patrols that took place: the track, or the route's line when the
-- patrol followed a route; agency 'joint' is a patrol of both forces (the reported measure).
alter table patrol_tracks rename to patrols;
alter index patrol_tracks_geom_idx rename to patrols_geom_idx;
alter table patrols
  add column unit text,
  add column result text not null default 'nothing_found' check (result in ('nothing_found', 'seizures')),
  add column note text,
  add column source text not null default 'route' check (source in ('route', 'gpx', 'geojson')),
  add column created_by integer references users (id) on delete set null,
  add column created_at timestamptz not null default now();
create index patrols_province_time_idx on patrols (province, started_at);

create table patrol_seizures (
  patrol_id integer not null references patrols (id) on delete cascade,
  seizure_id integer not null references seizures (id) on delete cascade,
  primary key (patrol_id, seizure_id)
);
create index patrol_seizures_seizure_idx on patrol_seizures (seizure_id);
