-- A code of the goods catalogue (src/lib/goods-catalogue.ts) beside the free-text goods, so the
-- map can name generated goods in the reader's language. Imported records leave it null and
-- keep their own text. No check constraint: the catalogue grows without a migration.
alter table seizures add column goods_code text;
