-- A reorganization that carries a province's cells to another committee must not rewrite every
-- rolled-up row of those cells (merging two provinces rewrote ~1.5 M rows and took 35–42 s at
-- national scale). The committee a cell's counts are attributed to is kept once per cell; a move
-- subtracts the moved cells' sums from the old committee and adds them to the new one.
CREATE TABLE member_stat_cell_top (
  cell_id integer PRIMARY KEY,
  top_id integer
);
INSERT INTO member_stat_cell_top (cell_id, top_id)
  SELECT cell_id, max(top_id) FROM member_stat_cell GROUP BY cell_id;
-- the root's statistics add the cells outside any province-level committee: find them by index
CREATE INDEX member_stat_cell_top_none ON member_stat_cell_top (cell_id) WHERE top_id IS NULL;
ANALYZE member_stat_cell_top;

DROP FUNCTION refresh_member_stats(integer[]);
DROP FUNCTION member_stat_rows(integer[]);
ALTER TABLE member_stat_cell DROP COLUMN top_id;

CREATE FUNCTION member_stat_rows(cells integer[])
RETURNS TABLE (cell_id integer, dim text, value text, n integer)
LANGUAGE sql STABLE AS $$
  SELECT m.cell_id, d.dim, d.value, count(*)::int
  FROM member m
  CROSS JOIN LATERAL (VALUES
    ('standing', m.standing),
    ('state', m.state),
    ('sex', m.sex),
    ('birth_month', to_char(m.birth_date, 'YYYY-MM')),
    ('admission_year', to_char(m.admission_date, 'YYYY')),
    ('ethnicity', coalesce(m.ethnicity, '')),
    ('religion', coalesce(m.religion, '')),
    ('education', coalesce(m.education, '')),
    ('theory_level', coalesce(m.theory_level, ''))
  ) AS d (dim, value)
  WHERE m.cell_id = ANY (cells) AND m.state IN ('active', 'in_transit')
  GROUP BY m.cell_id, d.dim, d.value
$$;

-- The changes to the committees' counts collected by one refresh, applied at its end.
CREATE FUNCTION member_stat_delta_open() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS member_stat_delta (top_id integer, dim text, value text, n integer) ON COMMIT DROP;
  DELETE FROM member_stat_delta;
END
$$;

CREATE FUNCTION member_stat_delta_apply() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_stat_top (top_id, dim, value, n)
    SELECT d.top_id, d.dim, d.value, sum(d.n)::int FROM member_stat_delta d
    WHERE d.top_id IS NOT NULL GROUP BY d.top_id, d.dim, d.value
  ON CONFLICT (top_id, dim, value) DO UPDATE SET n = member_stat_top.n + excluded.n;
  DELETE FROM member_stat_top WHERE n = 0;
END
$$;

-- Recomputes the counts of the given cells and moves the difference into their committees.
CREATE FUNCTION refresh_member_stats(cells integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_stat_delta_open();
  -- a cell counted for the first time belongs to the committee it is under today
  INSERT INTO member_stat_cell_top (cell_id, top_id)
    SELECT c.id, v.top_id FROM unnest(cells) AS c (id)
    LEFT JOIN org_unit_version v ON v.unit_id = c.id AND v.valid_to IS NULL
  ON CONFLICT (cell_id) DO NOTHING;
  INSERT INTO member_stat_delta
    SELECT t.top_id, s.dim, s.value, -s.n FROM member_stat_cell s
    JOIN member_stat_cell_top t ON t.cell_id = s.cell_id WHERE s.cell_id = ANY (cells);
  DELETE FROM member_stat_cell s WHERE s.cell_id = ANY (cells);
  INSERT INTO member_stat_cell SELECT * FROM member_stat_rows(cells);
  INSERT INTO member_stat_delta
    SELECT t.top_id, s.dim, s.value, s.n FROM member_stat_cell s
    JOIN member_stat_cell_top t ON t.cell_id = s.cell_id WHERE s.cell_id = ANY (cells);
  PERFORM member_stat_delta_apply();
END
$$;

-- After a reorganization: the given cells whose committee changed take their counts with them.
-- The cells' own counts do not change, so nothing is recounted.
CREATE FUNCTION move_member_stats(cells integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_stat_delta_open();
  CREATE TEMP TABLE IF NOT EXISTS member_stat_moved (cell_id integer, from_top integer, to_top integer) ON COMMIT DROP;
  DELETE FROM member_stat_moved;
  INSERT INTO member_stat_moved
    SELECT t.cell_id, t.top_id, v.top_id FROM member_stat_cell_top t
    LEFT JOIN org_unit_version v ON v.unit_id = t.cell_id AND v.valid_to IS NULL
    WHERE t.cell_id = ANY (cells) AND t.top_id IS DISTINCT FROM v.top_id;
  INSERT INTO member_stat_delta
    SELECT m.from_top, s.dim, s.value, -sum(s.n)::int FROM member_stat_cell s
    JOIN member_stat_moved m ON m.cell_id = s.cell_id GROUP BY m.from_top, s.dim, s.value
    UNION ALL
    SELECT m.to_top, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
    JOIN member_stat_moved m ON m.cell_id = s.cell_id GROUP BY m.to_top, s.dim, s.value;
  UPDATE member_stat_cell_top t SET top_id = m.to_top FROM member_stat_moved m WHERE t.cell_id = m.cell_id;
  PERFORM member_stat_delta_apply();
END
$$;
