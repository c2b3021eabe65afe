-- How far a running import has read its file (bytes read / file size, 0–1), for a progress bar
-- with a percentage: the rows of a streamed file are not known until its end.
ALTER TABLE import_run ADD COLUMN share_read real NOT NULL DEFAULT 0;
