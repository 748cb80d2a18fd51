-- The read path (issue 18). A post's body is rendered to sanitized HTML once, when it is written or edited, and
-- stored with the version of the renderer and sanitizer policy that made it (ContentRenderer.VERSION); a post of
-- another version (or none: written before this migration) is rendered again in the background, and in memory if
-- it is read before. Reads never render a current post.
ALTER TABLE post ADD COLUMN body_html VARCHAR(1000000);
ALTER TABLE post ADD COLUMN render_version INTEGER;

-- Every sort of the question list, WHERE brand, type, publication ... ORDER BY ... LIMIT, read from an index in
-- order (post_list_ix already serves the default sort, by creation).
CREATE INDEX post_list_score_ix ON post (brand_id, post_type, publication, score, id);
CREATE INDEX post_list_active_ix ON post (brand_id, post_type, publication, updated_at, id);
