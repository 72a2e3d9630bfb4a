-- The demo's plans and patrols are invented like its seizures: marked so that a re-seed
-- replaces only them and every record says what it is.
alter table patrol_plans add column synthetic boolean not null default false;
alter table patrols add column synthetic boolean not null default false;
