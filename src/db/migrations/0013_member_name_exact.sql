-- A search for a whole name ("nguyen van an": ~2,000 of 6.3 M members) looks it up by this b-tree
-- instead of recounting the trigram matches of every longer name that contains it.
CREATE INDEX member_name_folded ON member (name_folded);
