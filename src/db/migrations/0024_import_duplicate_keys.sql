-- A member import applies each batch of rows as soon as it is staged, inside the import's one
-- transaction, so a row is compared with the earlier rows of its file batch by batch: the scratch
-- rows are found by the keys that make two rows the same member.
CREATE INDEX import_member_row_national_id ON import_member_row (import_id, national_id)
  WHERE national_id IS NOT NULL;
CREATE INDEX import_member_row_party_card ON import_member_row (import_id, party_card_no)
  WHERE party_card_no IS NOT NULL;
CREATE INDEX import_member_row_person ON import_member_row (import_id, full_name, birth_date, admission_date)
  WHERE national_id IS NULL AND party_card_no IS NULL;
