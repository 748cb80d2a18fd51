-- Measured with 100,000 followers and 10 million rows (docs/benchmarks.md): the e-mails of an event are looked up by
-- (event, state), so that a fan-out whose notifications wait for digests is not read again row by row; the bell
-- and the first page carry the brand, so they are answered from the index.
DROP INDEX ntf_notification_event_ix;
CREATE INDEX ntf_notification_event_ix ON ntf_notification (event_id, email_state);
DROP INDEX ntf_notification_unread_ix;
CREATE INDEX ntf_notification_unread_ix ON ntf_notification (recipient_id, brand_id, read_at, id DESC);
DROP INDEX ntf_notification_inbox_ix;
CREATE INDEX ntf_notification_inbox_ix ON ntf_notification (recipient_id, brand_id, id DESC);
