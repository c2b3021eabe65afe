-- Party badges awarded (Huy hiệu Đảng): one row per member and milestone.
CREATE TABLE member_badge (
  member_id bigint NOT NULL REFERENCES member (id),
  years integer NOT NULL CHECK (years IN (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)),
  awarded_on date NOT NULL,
  decision_ref text,
  PRIMARY KEY (member_id, years)
);

ALTER TABLE member_event DROP CONSTRAINT member_event_kind_check;
ALTER TABLE member_event ADD CONSTRAINT member_event_kind_check CHECK (kind IN (
  'admission', 'recognition', 'not_recognised', 'transfer_out', 'transfer_in', 'transfer_cancelled',
  'removal', 'expulsion', 'resignation', 'death', 'exemption', 'correction', 'badge'));
