-- Version 1.1.0: each note's number of words, computed for the notes 1.0.0 wrote, then required.
ALTER TABLE probe_note ADD COLUMN words INTEGER;
UPDATE probe_note SET words = LENGTH(TRIM(body)) - LENGTH(REPLACE(TRIM(body), ' ', '')) + 1;
ALTER TABLE probe_note ALTER COLUMN words SET NOT NULL;
