-- Leaderboards. Points are summed per board in the same transaction as the ledger entries, so that a top-N
-- page and a member's rank are index range scans, never a scan of the ledger.

-- Where each post belongs, from the post.published events: its topic and tags (an answer takes its question's).
CREATE TABLE reputation_post (
    post_id    BIGINT NOT NULL PRIMARY KEY,
    brand_id   BIGINT NOT NULL,
    topic_id   BIGINT,
    parent_id  BIGINT
);
CREATE TABLE reputation_post_tag (
    post_id  BIGINT      NOT NULL,
    tag      VARCHAR(30) NOT NULL,
    PRIMARY KEY (post_id, tag)
);

-- Points per member and board. period is 'all', 'month:2026-11' or 'week:2026-11-16' (the week's Monday,
-- UTC); scope is '' (the whole brand), 'topic:<id>' or 'tag:<tag>'. The all-time board of the whole brand is
-- reputation_user itself: it is the members' reputation.
CREATE TABLE reputation_board (
    brand_id  BIGINT      NOT NULL,
    period    VARCHAR(20) NOT NULL,
    scope     VARCHAR(40) NOT NULL,
    user_id   BIGINT      NOT NULL,
    points    INTEGER     NOT NULL,
    PRIMARY KEY (brand_id, period, scope, user_id)
);
-- Boards are read best first, ties to the older account: the index is in that order, so a top-N page reads N
-- index entries, and a rank counts the entries before the member's.
CREATE INDEX reputation_board_rank_ix ON reputation_board (brand_id, period, scope, points DESC, user_id);
DROP INDEX reputation_user_rank_ix;
CREATE INDEX reputation_user_rank_ix ON reputation_user (brand_id, points DESC, user_id);
