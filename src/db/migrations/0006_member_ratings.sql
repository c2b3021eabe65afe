-- Exemption from Party work and activities (old age, health), and the annual quality rating.
ALTER TABLE member ADD COLUMN exempt_since date;

CREATE TABLE member_rating (
  member_id bigint NOT NULL REFERENCES member (id),
  year integer NOT NULL CHECK (year BETWEEN 1930 AND 2100),
  score numeric(5, 2) CHECK (score BETWEEN 0 AND 100),
  level text CHECK (level IN ('excellent', 'good', 'completed', 'not_completed')),
  -- why the member was not rated (then level is null)
  exemption text CHECK (exemption IN ('suspended', 'exempt_from_activities', 'admitted_under_6_months')),
  decided_on date NOT NULL,
  decision_ref text,
  recorded_by text NOT NULL,
  PRIMARY KEY (member_id, year),
  CHECK ((level IS NULL) <> (exemption IS NULL))
);
CREATE INDEX member_rating_year ON member_rating (year);
