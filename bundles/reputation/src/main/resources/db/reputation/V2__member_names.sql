-- Members' pseudonyms, from their registration events: reports and leaderboards show names, not ids.
ALTER TABLE reputation_user ADD COLUMN pseudonym VARCHAR(30);
