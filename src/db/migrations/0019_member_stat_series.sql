-- Yearly series of a subtree (members at 31/12, official, admitted in the year) from the kept
-- counts instead of a scan of the registry per year. Three more dimensions per cell, counted over
-- every membership interval the cell ever held (members who left or moved away included), by year:
--   series_admitted  members admitted while in this cell (their first interval), by admission year;
--   series_moved     +1 in the year an interval starts and -1 in the year it ends, less the +1 of
--                    the admission already counted above: zero for a member who never moved;
--   series_official  +1 in the year an interval becomes official (its start, or the official
--                    date when later), -1 in the year an official interval ends.
-- The members of a cell at the end of year Y are the intervals with valid_from <= 31/12/Y and no
-- valid_to <= 31/12/Y, i.e. the sum of admitted + moved over the years <= Y; the official ones the
-- sum of series_official over the years <= Y. Intervals are half-open like membership itself.
-- Only non-zero sums are kept, so the values can be negative.
CREATE FUNCTION member_stat_series_rows(cells integer[])
RETURNS TABLE (cell_id integer, dim text, value text, n integer)
LANGUAGE sql STABLE AS $$
  WITH span AS (
    SELECT ms.id, ms.member_id, ms.cell_id, ms.valid_from, ms.valid_to, m.admission_date, m.official_date
    FROM (SELECT DISTINCT c FROM unnest(cells) AS c) AS wanted
    JOIN membership ms ON ms.cell_id = wanted.c
    JOIN member m ON m.id = ms.member_id
  ), flow (cell_id, dim, year, n) AS (
    -- every interval: -1 the year it ends; official from its start (or the official date) to its end
    SELECT s.cell_id, f.dim, f.year, f.n FROM span s
    CROSS JOIN LATERAL (SELECT s.official_date IS NOT NULL
      AND (s.valid_to IS NULL OR s.official_date < s.valid_to) AS official) AS r
    CROSS JOIN LATERAL (VALUES
      ('series_moved', to_char(s.valid_to, 'YYYY'), CASE WHEN s.valid_to IS NULL THEN 0 ELSE -1 END),
      ('series_official', to_char(greatest(s.valid_from, s.official_date), 'YYYY'),
        CASE WHEN r.official THEN 1 ELSE 0 END),
      ('series_official', to_char(s.valid_to, 'YYYY'),
        CASE WHEN r.official AND s.valid_to IS NOT NULL THEN -1 ELSE 0 END)
    ) AS f (dim, year, n)
    UNION ALL
    -- a member's first interval: the admission, and its start when that is not the admission's
    -- year (a cell founded later); nothing else for most members
    SELECT s.cell_id, f.dim, f.year, f.n FROM span s
    CROSS JOIN LATERAL (VALUES
      ('series_admitted', to_char(s.admission_date, 'YYYY'), 1),
      ('series_moved', to_char(s.valid_from, 'YYYY'), 1),
      ('series_moved', to_char(s.admission_date, 'YYYY'), -1)
    ) AS f (dim, year, n)
    WHERE NOT EXISTS (SELECT 1 FROM membership e WHERE e.member_id = s.member_id
      AND (e.valid_from, e.id) < (s.valid_from, s.id))
      AND (f.dim = 'series_admitted' OR to_char(s.valid_from, 'YYYY') <> to_char(s.admission_date, 'YYYY'))
    UNION ALL
    -- a later interval (a transfer received, a merge): +1 the year it starts
    SELECT s.cell_id, 'series_moved', to_char(s.valid_from, 'YYYY'), 1 FROM span s
    WHERE EXISTS (SELECT 1 FROM membership e WHERE e.member_id = s.member_id
      AND (e.valid_from, e.id) < (s.valid_from, s.id))
  )
  SELECT cell_id, dim, year, sum(n)::int FROM flow WHERE n <> 0
  GROUP BY cell_id, dim, year
  HAVING sum(n) <> 0
$$;

-- Every refresh of a cell (every change to its members) recounts its series with its other counts.
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
  UNION ALL
  SELECT * FROM member_stat_series_rows(cells)
$$;

-- The series of the registry as it is: every cell that ever held a member, attributed to its
-- committee like its other counts (a cell counted for the first time: the committee it is under
-- today, as refresh_member_stats does).
CREATE TEMP TABLE series_cells ON COMMIT DROP AS SELECT DISTINCT cell_id FROM membership;
INSERT INTO member_stat_cell_top (cell_id, top_id)
  SELECT c.cell_id, v.top_id FROM series_cells c
  LEFT JOIN org_unit_version v ON v.unit_id = c.cell_id AND v.valid_to IS NULL
ON CONFLICT (cell_id) DO NOTHING;
-- the cells as a constant, so that the function is inlined and planned for all of them at once
-- (hash joins) rather than cell by cell; the rows in key order, so that the primary key is
-- written page after page (in the order of the sums, 10 M rows took 7 minutes at national scale)
DO $$
BEGIN
  EXECUTE format('INSERT INTO member_stat_cell (cell_id, dim, value, n)
    SELECT * FROM member_stat_series_rows(%L::int[]) ORDER BY 1, 2, 3',
    (SELECT coalesce(array_agg(cell_id), '{}') FROM series_cells));
END
$$;
INSERT INTO member_stat_top (top_id, dim, value, n)
  SELECT t.top_id, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
  JOIN member_stat_cell_top t ON t.cell_id = s.cell_id
  WHERE t.top_id IS NOT NULL AND s.dim IN ('series_admitted', 'series_moved', 'series_official')
  GROUP BY t.top_id, s.dim, s.value
  HAVING sum(s.n) <> 0;
