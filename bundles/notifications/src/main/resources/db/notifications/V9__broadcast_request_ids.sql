-- A client-chosen id per broadcast request: the same request sent again (a retry after a time-out, a second click)
-- answers the broadcast it made the first time instead of telling the followers twice. Unique per author; NULLs are
-- allowed many times (a request without an id is never matched).
ALTER TABLE ntf_broadcast ADD COLUMN request_id VARCHAR(64);
CREATE UNIQUE INDEX ntf_broadcast_request_ux ON ntf_broadcast (brand_id, author_id, request_id);
