-- Points other plugins' events give (a contribution the brand made an article), one row per event: the award is
-- applied once, and a recomputation gives it again.
CREATE TABLE reputation_award (
    event_id    BIGINT      NOT NULL PRIMARY KEY,
    brand_id    BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    reason      VARCHAR(64) NOT NULL,
    points      INT         NOT NULL,
    post_id     BIGINT,
    actor_id    BIGINT,
    awarded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reputation_award_brand_ix ON reputation_award (brand_id, awarded_at);
