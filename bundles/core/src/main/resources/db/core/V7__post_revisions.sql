-- Members edit and delete their posts. Every version of a post's text is kept: revision 1 is the text as first
-- submitted, written when the post is first edited (posts never edited have no row), so a post's revision count is
-- its highest revision, or 1.
ALTER TABLE post ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
-- A deleted post stays (its thread, votes and ledger entries refer to it) and is shown as deleted by its author.
ALTER TABLE post ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- editor_id: who wrote that version; by_moderator: a moderator's edit of someone else's post (labelled as such).
CREATE TABLE post_revision (
    post_id       BIGINT        NOT NULL REFERENCES post (id),
    revision      INTEGER       NOT NULL,
    title         VARCHAR(200),
    body          VARCHAR(20000) NOT NULL,
    editor_id     BIGINT        NOT NULL REFERENCES app_user (id),
    by_moderator  BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (post_id, revision)
);

-- How long after posting a member may edit their post; no row or a null window: always.
CREATE TABLE brand_content_policy (
    brand_id             BIGINT  NOT NULL PRIMARY KEY REFERENCES brand (id),
    edit_window_minutes  INTEGER
);
