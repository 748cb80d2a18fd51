-- Keyset paging of the long public lists (issue 16): a page after a cursor reads
--   WHERE brand, type, publication [, topic | store] AND key <= ? AND (key < ? OR id < ?) ORDER BY key DESC, id DESC
-- as one range of an index ending with the key and the id, whatever its depth. The creation time gains the id that
-- breaks its ties (post_list_score_ix and post_list_active_ix of V8 already end with it); a topic's and a store's
-- lists get their own, so that a busy brand's other posts are not read and dropped.
CREATE INDEX post_list_recent_ix ON post (brand_id, post_type, publication, created_at, id);
DROP INDEX post_list_ix;
CREATE INDEX post_topic_list_ix ON post (brand_id, post_type, publication, topic_id, created_at, id);
CREATE INDEX post_store_list_ix ON post (brand_id, post_type, publication, store_id, created_at, id);
