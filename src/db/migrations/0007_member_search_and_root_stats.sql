-- Name search at national scale: keep the folded name as a stored column, so matching and
-- ranking read it instead of calling unaccent for every candidate row.
ALTER TABLE member ADD COLUMN name_folded text GENERATED ALWAYS AS (vn_fold(full_name)) STORED;
DROP INDEX member_name_trgm;
CREATE INDEX member_name_folded_trgm ON member USING gin (name_folded gin_trgm_ops);

-- The root's statistics add the cells outside any province-level committee: find them by index,
-- not by scanning every cell's rows.
CREATE INDEX member_stat_cell_no_top ON member_stat_cell (cell_id) WHERE top_id IS NULL;
