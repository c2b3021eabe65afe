-- The cells to recount are joined, not tested with `= ANY (cells)`: an array passed as a parameter
-- is searched linearly for every member row, so an import touching 2,000 cells compared each
-- member 2,000 times; joined, the member_cell index finds exactly the members of those cells.
CREATE OR REPLACE FUNCTION member_stat_rows(cells integer[])
RETURNS TABLE (cell_id integer, dim text, value text, n integer)
LANGUAGE sql STABLE AS $$
  SELECT m.cell_id, d.dim, d.value, count(*)::int
  FROM (SELECT DISTINCT c FROM unnest(cells) AS c) AS wanted
  JOIN member m ON m.cell_id = wanted.c
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
  WHERE m.state IN ('active', 'in_transit')
  GROUP BY m.cell_id, d.dim, d.value
$$;

CREATE OR REPLACE FUNCTION refresh_member_stats(cells integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_stat_delta_open();
  CREATE TEMP TABLE IF NOT EXISTS member_stat_cells (cell_id integer PRIMARY KEY) ON COMMIT DROP;
  DELETE FROM member_stat_cells;
  INSERT INTO member_stat_cells SELECT DISTINCT c FROM unnest(cells) AS c;
  ANALYZE member_stat_cells;
  -- a cell counted for the first time belongs to the committee it is under today
  INSERT INTO member_stat_cell_top (cell_id, top_id)
    SELECT c.cell_id, v.top_id FROM member_stat_cells c
    LEFT JOIN org_unit_version v ON v.unit_id = c.cell_id AND v.valid_to IS NULL
  ON CONFLICT (cell_id) DO NOTHING;
  INSERT INTO member_stat_delta
    SELECT t.top_id, s.dim, s.value, -s.n FROM member_stat_cells c
    JOIN member_stat_cell s ON s.cell_id = c.cell_id JOIN member_stat_cell_top t ON t.cell_id = c.cell_id;
  DELETE FROM member_stat_cell s USING member_stat_cells c WHERE s.cell_id = c.cell_id;
  INSERT INTO member_stat_cell SELECT * FROM member_stat_rows(cells);
  INSERT INTO member_stat_delta
    SELECT t.top_id, s.dim, s.value, s.n FROM member_stat_cells c
    JOIN member_stat_cell s ON s.cell_id = c.cell_id JOIN member_stat_cell_top t ON t.cell_id = c.cell_id;
  PERFORM member_stat_delta_apply();
END
$$;

-- A whole committee merged into another (every cell it counts moves to the same committee) hands
-- over its kept totals, about a thousand rows, instead of summing some 600,000 rows of its cells.
CREATE INDEX member_stat_cell_top_top ON member_stat_cell_top (top_id);

CREATE OR REPLACE FUNCTION move_member_stats(cells integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_stat_delta_open();
  CREATE TEMP TABLE IF NOT EXISTS member_stat_moved (cell_id integer, from_top integer, to_top integer) ON COMMIT DROP;
  DELETE FROM member_stat_moved;
  INSERT INTO member_stat_moved
    SELECT t.cell_id, t.top_id, v.top_id FROM (SELECT DISTINCT c FROM unnest(cells) AS c) AS wanted
    JOIN member_stat_cell_top t ON t.cell_id = wanted.c
    LEFT JOIN org_unit_version v ON v.unit_id = t.cell_id AND v.valid_to IS NULL
    WHERE t.top_id IS DISTINCT FROM v.top_id;
  ANALYZE member_stat_moved;
  CREATE TEMP TABLE IF NOT EXISTS member_stat_whole (from_top integer, to_top integer) ON COMMIT DROP;
  DELETE FROM member_stat_whole;
  INSERT INTO member_stat_whole
    SELECT m.from_top, m.to_top FROM member_stat_moved m WHERE m.from_top IS NOT NULL
    GROUP BY m.from_top, m.to_top
    HAVING count(*) = (SELECT count(*) FROM member_stat_cell_top t WHERE t.top_id = m.from_top);
  INSERT INTO member_stat_delta
    SELECT w.from_top, s.dim, s.value, -s.n FROM member_stat_whole w
    JOIN member_stat_top s ON s.top_id = w.from_top
    UNION ALL
    SELECT w.to_top, s.dim, s.value, s.n FROM member_stat_whole w
    JOIN member_stat_top s ON s.top_id = w.from_top;
  DELETE FROM member_stat_moved m USING member_stat_whole w WHERE m.from_top = w.from_top;
  INSERT INTO member_stat_delta
    SELECT m.from_top, s.dim, s.value, -sum(s.n)::int FROM member_stat_cell s
    JOIN member_stat_moved m ON m.cell_id = s.cell_id GROUP BY m.from_top, s.dim, s.value
    UNION ALL
    SELECT m.to_top, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
    JOIN member_stat_moved m ON m.cell_id = s.cell_id GROUP BY m.to_top, s.dim, s.value;
  UPDATE member_stat_cell_top t SET top_id = v.top_id
    FROM (SELECT DISTINCT c FROM unnest(cells) AS c) AS wanted
    LEFT JOIN org_unit_version v ON v.unit_id = wanted.c AND v.valid_to IS NULL
    WHERE t.cell_id = wanted.c AND t.top_id IS DISTINCT FROM v.top_id;
  PERFORM member_stat_delta_apply();
END
$$;

-- CREATE OR REPLACE resets a function's attributes: keep them running as their owner (0011), so a
-- scoped user's change still recounts whole cells and moves committee totals outside the scope.
ALTER FUNCTION refresh_member_stats(integer[]) SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION move_member_stats(integer[]) SECURITY DEFINER SET search_path = public, pg_temp;
