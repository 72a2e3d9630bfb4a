-- Reference layers and seizures for the An Giang (Cambodia) and Lang Son (China) frontiers.
-- Geometry is stored in EPSG:4326; metric work transforms to EPSG:32648 (UTM 48N).

create table provinces (
  id text primary key check (id ~ '^[a-z_]+$'),
  name_vi text not null,
  name_en text not null,
  neighbour text not null check (neighbour in ('KH', 'CN')),
  geom geometry(MultiPolygon, 4326) not null
);
create index provinces_geom_idx on provinces using gist (geom);

create table frontier_segments (
  id integer generated always as identity primary key,
  code text unique,
  province text not null references provinces (id),
  neighbour text not null check (neighbour in ('KH', 'CN')),
  name_vi text not null,
  name_en text not null,
  geom geometry(LineString, 4326) not null
);
create index frontier_segments_geom_idx on frontier_segments using gist (geom);

create table border_gates (
  id integer generated always as identity primary key,
  code text unique,
  province text not null references provinces (id),
  name_vi text not null,
  name_en text not null,
  kind text not null check (kind in ('international', 'main', 'auxiliary', 'crossing_path', 'border_market')),
  mode text not null check (mode in ('road', 'rail', 'river')),
  geom geometry(Point, 4326) not null
);
create index border_gates_geom_idx on border_gates using gist (geom);

create table waterways (
  id integer generated always as identity primary key,
  code text unique,
  province text not null references provinces (id),
  name_vi text not null,
  name_en text not null,
  kind text not null check (kind in ('river', 'canal')),
  crosses_border boolean not null default false,
  geom geometry(LineString, 4326) not null
);
create index waterways_geom_idx on waterways using gist (geom);

create table trails (
  id integer generated always as identity primary key,
  code text unique,
  province text not null references provinces (id),
  name_vi text not null,
  name_en text not null,
  kind text not null check (kind in ('trail', 'path', 'opening', 'specialised_road')),
  note text,
  geom geometry(LineString, 4326) not null
);
create index trails_geom_idx on trails using gist (geom);

create table seizures (
  id integer generated always as identity primary key,
  occurred_at timestamptz not null,
  province text not null references provinces (id),
  category text not null check (category in (
    'cigarettes', 'sugar', 'fuel', 'alcohol', 'firecrackers', 'drugs', 'currency', 'gold',
    'electronics', 'textiles', 'cosmetics', 'pharmaceuticals', 'agricultural', 'livestock',
    'wildlife', 'counterfeit', 'other')),
  goods text,
  quantity double precision check (quantity is null or quantity >= 0),
  unit text,
  value_vnd bigint check (value_vnd is null or value_vnd >= 0),
  subjects integer not null default 0 check (subjects >= 0),
  transport_mode text not null check (transport_mode in (
    'boat', 'porter', 'motorbike', 'car', 'truck', 'rail', 'pedestrian', 'other')),
  lead_agency text not null check (lead_agency in ('customs', 'border_guard', 'joint')),
  case_ref text,
  source text not null,
  synthetic boolean not null default false,
  geom geometry(Point, 4326) not null,
  -- UTM 48N coordinates kept beside the point: binning on them is several times faster
  -- than transforming every row per query.
  x_utm double precision not null,
  y_utm double precision not null,
  created_at timestamptz not null default now()
);
create index seizures_geom_idx on seizures using gist (geom);
create index seizures_province_time_idx on seizures (province, occurred_at);
create index seizures_category_idx on seizures (category);

create function seizures_set_utm() returns trigger language plpgsql as $$
begin
  new.x_utm := ST_X(ST_Transform(new.geom, 32648));
  new.y_utm := ST_Y(ST_Transform(new.geom, 32648));
  return new;
end $$;
create trigger seizures_utm before insert or update of geom on seizures
  for each row execute function seizures_set_utm();

create table patrol_routes (
  id integer generated always as identity primary key,
  name text not null,
  province text not null references provinces (id),
  agency text not null check (agency in ('customs', 'border_guard', 'joint')),
  unit text,
  radius_m double precision not null default 500 check (radius_m > 0 and radius_m <= 20000),
  shifts_per_week double precision not null default 7 check (shifts_per_week >= 0 and shifts_per_week <= 84),
  version integer not null default 1,
  geom geometry(LineString, 4326) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index patrol_routes_geom_idx on patrol_routes using gist (geom);

create table patrol_tracks (
  id integer generated always as identity primary key,
  route_id integer references patrol_routes (id) on delete set null,
  province text not null references provinces (id),
  agency text not null check (agency in ('customs', 'border_guard', 'joint')),
  started_at timestamptz not null,
  ended_at timestamptz not null check (ended_at >= started_at),
  geom geometry(LineString, 4326) not null
);
create index patrol_tracks_geom_idx on patrol_tracks using gist (geom);
