-- How accurately each frontier segment is drawn, shown where the line is clicked: a distance in
-- metres and a short note in each language (geodata/README.md says how the figures were made).
-- Segments imported without them keep nulls: the map then shows no accuracy.
alter table frontier_segments
  add column accuracy_m double precision check (accuracy_m > 0 and accuracy_m <= 100000),
  add column accuracy_note_vi text,
  add column accuracy_note_en text;
