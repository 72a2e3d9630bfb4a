-- The shared information register: tips (information reports) passed between Customs and the
-- Border Guard, their handover to the other force, and the suspicious objects they mention.
-- Who may see a report or object is its distribution; the server filters every path by it
-- (src/lib/server/repositories/visibility.ts holds the one predicate).

-- Named units of both forces (posts, stations, branches, control teams). Reference data: the
-- names are the units' public names; a report may be distributed to a list of them.
create table units (
  id text primary key check (id ~ '^[a-z0-9_]{2,40}$'),
  agency text not null check (agency in ('customs', 'border_guard')),
  -- No foreign key: provinces are loaded by the geodata step, after migrations.
  province text not null check (province in ('an_giang', 'lang_son')),
  name_vi text not null,
  name_en text not null
);

insert into units (id, agency, province, name_vi, name_en) values
  ('bp_vinh_xuong', 'border_guard', 'an_giang', 'Đồn Biên phòng cửa khẩu quốc tế Vĩnh Xương', 'Vinh Xuong International Gate Border Guard Station'),
  ('bp_tinh_bien', 'border_guard', 'an_giang', 'Đồn Biên phòng cửa khẩu quốc tế Tịnh Biên', 'Tinh Bien International Gate Border Guard Station'),
  ('bp_khanh_binh', 'border_guard', 'an_giang', 'Đồn Biên phòng Khánh Bình', 'Khanh Binh Border Guard Station'),
  ('bp_ha_tien', 'border_guard', 'an_giang', 'Đồn Biên phòng cửa khẩu quốc tế Hà Tiên', 'Ha Tien International Gate Border Guard Station'),
  ('bdbp_an_giang', 'border_guard', 'an_giang', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang', 'An Giang Provincial Border Guard Command'),
  ('hq_vinh_xuong', 'customs', 'an_giang', 'Hải quan cửa khẩu quốc tế Vĩnh Xương', 'Vinh Xuong International Gate Customs'),
  ('hq_tinh_bien', 'customs', 'an_giang', 'Hải quan cửa khẩu quốc tế Tịnh Biên', 'Tinh Bien International Gate Customs'),
  ('hq_ha_tien', 'customs', 'an_giang', 'Hải quan cửa khẩu quốc tế Hà Tiên', 'Ha Tien International Gate Customs'),
  ('kshq_an_giang', 'customs', 'an_giang', 'Đội Kiểm soát Hải quan An Giang', 'An Giang Customs Enforcement Team'),
  ('bp_huu_nghi', 'border_guard', 'lang_son', 'Đồn Biên phòng cửa khẩu quốc tế Hữu Nghị', 'Huu Nghi International Gate Border Guard Station'),
  ('bp_dong_dang', 'border_guard', 'lang_son', 'Đồn Biên phòng cửa khẩu ga đường sắt quốc tế Đồng Đăng', 'Dong Dang International Rail Gate Border Guard Station'),
  ('bp_tan_thanh', 'border_guard', 'lang_son', 'Đồn Biên phòng Tân Thanh', 'Tan Thanh Border Guard Station'),
  ('bp_chi_ma', 'border_guard', 'lang_son', 'Đồn Biên phòng cửa khẩu Chi Ma', 'Chi Ma Gate Border Guard Station'),
  ('bdbp_lang_son', 'border_guard', 'lang_son', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn', 'Lang Son Provincial Border Guard Command'),
  ('hq_huu_nghi', 'customs', 'lang_son', 'Hải quan cửa khẩu quốc tế Hữu Nghị', 'Huu Nghi International Gate Customs'),
  ('hq_dong_dang', 'customs', 'lang_son', 'Hải quan ga đường sắt quốc tế Đồng Đăng', 'Dong Dang International Rail Station Customs'),
  ('hq_tan_thanh', 'customs', 'lang_son', 'Hải quan cửa khẩu Tân Thanh', 'Tan Thanh Gate Customs'),
  ('hq_chi_ma', 'customs', 'lang_son', 'Hải quan cửa khẩu Chi Ma', 'Chi Ma Gate Customs'),
  ('kshq_lang_son', 'customs', 'lang_son', 'Đội Kiểm soát Hải quan Lạng Sơn', 'Lang Son Customs Enforcement Team');
-- A user's unit: named-unit distributions reach the users of those units.
alter table users add column unit text references units (id);

create table reports (
  id integer generated always as identity primary key,
  title text not null check (length(title) between 1 and 200),
  kind text not null check (kind in (
    'boat', 'vehicle', 'porter_group', 'warehouse', 'crossing_point', 'consignment')),
  category text check (category is null or category in (
    'cigarettes', 'sugar', 'fuel', 'alcohol', 'firecrackers', 'drugs', 'currency', 'gold',
    'electronics', 'textiles', 'cosmetics', 'pharmaceuticals', 'agricultural', 'livestock',
    'wildlife', 'counterfeit', 'other')),
  province text not null check (province in ('an_giang', 'lang_son')),
  -- A point, a line (a canal stretch) or an area; a named gate or trail is copied in as its
  -- geometry with `place` naming it ('border_gates:GATE_CODE', 'trails:CODE', 'waterways:CODE').
  geom geometry(Geometry, 4326) not null check (
    GeometryType(geom) in ('POINT', 'LINESTRING', 'POLYGON')),
  place text,
  x_utm double precision not null,
  y_utm double precision not null,
  -- Admiralty scale: source reliability A (completely reliable) to F (cannot be judged) and
  -- information credibility 1 (confirmed) to 6 (cannot be judged).
  reliability text not null check (reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
  credibility smallint not null check (credibility between 1 and 6),
  distribution text not null check (distribution in ('own_agency', 'both', 'units')),
  tlp text not null check (tlp in ('red', 'amber', 'green', 'clear')),
  -- TLP:RED is for named recipients only: it cannot go to a whole force.
  check (tlp <> 'red' or distribution = 'units'),
  observed_from timestamptz,
  observed_to timestamptz check (observed_to is null or observed_from is null or observed_to >= observed_from),
  received_at timestamptz not null,
  text text not null default '' check (length(text) <= 4000),
  agency text not null check (agency in ('customs', 'border_guard')),
  unit text references units (id),
  author_id integer references users (id) on delete set null,
  author_name text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_at timestamptz,
  close_reason text check (close_reason is null or length(close_reason) <= 1000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reports_geom_idx on reports using gist (geom);
create index reports_province_received_idx on reports (province, received_at);
create index reports_agency_idx on reports (agency, distribution);

create function reports_set_utm() returns trigger language plpgsql as $$
begin
  -- The representative point: on the line or inside the area, never outside it.
  new.x_utm := ST_X(ST_Transform(ST_PointOnSurface(new.geom), 32648));
  new.y_utm := ST_Y(ST_Transform(ST_PointOnSurface(new.geom), 32648));
  return new;
end $$;
create trigger reports_utm before insert or update of geom on reports
  for each row execute function reports_set_utm();

-- The named units a `units` distribution reaches (the author's own unit is always listed).
create table report_units (
  report_id integer not null references reports (id) on delete cascade,
  unit text not null references units (id),
  primary key (report_id, unit)
);
create index report_units_unit_idx on report_units (unit);

-- A report that reaches the other force is handed over to it: one row per receiving agency,
-- created when the distribution first reaches it. Acknowledging and assessing are that force's.
create table report_handovers (
  report_id integer not null references reports (id) on delete cascade,
  agency text not null check (agency in ('customs', 'border_guard')),
  delivered_at timestamptz not null,
  acknowledged_at timestamptz check (acknowledged_at is null or acknowledged_at >= delivered_at),
  acknowledged_by integer references users (id) on delete set null,
  assessment text check (assessment is null or assessment in ('valuable', 'not_valuable', 'duplicate')),
  assessment_reason text check (assessment_reason is null or length(assessment_reason) <= 1000),
  assessed_at timestamptz,
  assessed_by integer references users (id) on delete set null,
  action_taken text check (action_taken is null or length(action_taken) <= 2000),
  primary key (report_id, agency)
);
create index report_handovers_agency_idx on report_handovers (agency, delivered_at);

-- Each step of a report's life, shown to whoever may see the report (the author sees each
-- step the receiver takes). The audit log keeps the same facts for the record.
create table report_events (
  id bigint generated always as identity primary key,
  report_id integer not null references reports (id) on delete cascade,
  at timestamptz not null,
  action text not null check (action in (
    'created', 'edited', 'handed_over', 'acknowledged', 'assessed', 'action_recorded',
    'seizure_linked', 'seizure_unlinked', 'patrol_linked', 'patrol_unlinked', 'closed', 'reopened')),
  user_id integer references users (id) on delete set null,
  username text not null,
  agency text not null,
  unit text,
  details jsonb not null default '{}'
);
create index report_events_report_idx on report_events (report_id, at);

create table report_seizures (
  report_id integer not null references reports (id) on delete cascade,
  seizure_id integer not null references seizures (id) on delete cascade,
  linked_at timestamptz not null default now(),
  primary key (report_id, seizure_id)
);
create index report_seizures_seizure_idx on report_seizures (seizure_id);

create table report_patrols (
  report_id integer not null references reports (id) on delete cascade,
  patrol_id integer not null references patrols (id) on delete cascade,
  linked_at timestamptz not null default now(),
  primary key (report_id, patrol_id)
);
create index report_patrols_patrol_idx on report_patrols (patrol_id);

-- Suspicious objects: things seen again and again. The identifier (a boat's markings, a plate)
-- is personal data: only roles that need it read it (the API masks it for the others).
create table suspicious_objects (
  id integer generated always as identity primary key,
  kind text not null check (kind in (
    'boat', 'vehicle', 'porter_group', 'warehouse', 'crossing_point', 'consignment')),
  identifier text not null check (length(identifier) between 1 and 100),
  description text not null default '' check (length(description) <= 1000),
  province text not null check (province in ('an_giang', 'lang_son')),
  distribution text not null check (distribution in ('own_agency', 'both', 'units')),
  tlp text not null check (tlp in ('red', 'amber', 'green', 'clear')),
  check (tlp <> 'red' or distribution = 'units'),
  agency text not null check (agency in ('customs', 'border_guard')),
  unit text references units (id),
  author_id integer references users (id) on delete set null,
  author_name text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index suspicious_objects_identity_idx on suspicious_objects (kind, lower(identifier), agency);

create table object_units (
  object_id integer not null references suspicious_objects (id) on delete cascade,
  unit text not null references units (id),
  primary key (object_id, unit)
);
create index object_units_unit_idx on object_units (unit);

-- "Seen again": each sighting is a time and a place, from a report, a seizure or seen by hand.
create table object_sightings (
  id integer generated always as identity primary key,
  object_id integer not null references suspicious_objects (id) on delete cascade,
  seen_at timestamptz not null,
  geom geometry(Point, 4326) not null,
  source text not null check (source in ('report', 'seizure', 'seen')),
  report_id integer references reports (id) on delete cascade,
  seizure_id integer references seizures (id) on delete cascade,
  check ((source = 'report') = (report_id is not null)),
  check ((source = 'seizure') = (seizure_id is not null)),
  note text not null default '' check (length(note) <= 1000),
  agency text not null check (agency in ('customs', 'border_guard')),
  author_id integer references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index object_sightings_object_idx on object_sightings (object_id, seen_at);
create index object_sightings_geom_idx on object_sightings using gist (geom);
create unique index object_sightings_report_idx on object_sightings (object_id, report_id) where report_id is not null;
create unique index object_sightings_seizure_idx on object_sightings (object_id, seizure_id) where seizure_id is not null;
