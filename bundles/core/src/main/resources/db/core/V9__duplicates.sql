-- A question closed as a duplicate points to its original; its answers and votes stay.
ALTER TABLE post ADD COLUMN duplicate_of BIGINT REFERENCES post (id);
