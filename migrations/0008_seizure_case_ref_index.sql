-- Imports refuse a case reference that is already stored, looking up each batch of a file: without
-- an index every batch scanned the whole table, and a large file took quadratic time.
create index seizures_case_ref_idx on seizures (case_ref) where case_ref is not null;
