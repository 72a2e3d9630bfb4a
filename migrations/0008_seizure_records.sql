-- Seizure records kept by hand through the API: a version for optimistic locking (an edit or a
-- delete names the version it read; a stale one gets 409) and the time of the last change.
-- Existing rows start at version 1 with no change recorded. UTM columns stay with the trigger.
alter table seizures add column version integer not null default 1 check (version >= 1);
alter table seizures add column updated_at timestamptz;

-- Case references are looked up case-insensitively (uniqueness of new and edited references,
-- the table's search). No unique index: imported files may already hold repeated references,
-- and the migration must not fail on them; the service enforces uniqueness under a lock.
create index seizures_case_ref_lower_idx on seizures (lower(case_ref)) where case_ref is not null;

-- The records table's default order (newest first, id as tie-breaker) without a sort.
create index seizures_time_id_idx on seizures (occurred_at, id);
