-- Every table that refers to a member can be searched by the member: a member's transfers (the
-- profile lists them all; only the open one had an index, so the profile scanned every transfer
-- of the country: 319 k rows at national scale), and the foreign-key checks when a member's id is
-- deleted or changed (one scan of each unindexed table per member).
CREATE INDEX member_transfer_member ON member_transfer (member_id, id);
CREATE INDEX admission_candidate_member ON admission_candidate (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX admission_introducer_member ON admission_introducer (member_id);
