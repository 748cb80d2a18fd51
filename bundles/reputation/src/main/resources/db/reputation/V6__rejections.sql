-- Whether moderation's rejection of a post currently stands, as the post.rejected and post.published events
-- told it, with the same redelivery guard as the vote and acceptance journals: changes of one post's publication
-- are serialized by the core, so a redelivered event is recognised by an id that is not newer. The penalty is
-- given when a rejection starts standing and reversed when the post is published again (an overturned appeal).
CREATE TABLE reputation_rejection (
    post_id      BIGINT  NOT NULL PRIMARY KEY,
    brand_id     BIGINT  NOT NULL,
    author_id    BIGINT  NOT NULL,
    rejected     BOOLEAN NOT NULL,
    event_id     BIGINT  NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reputation_rejection_brand_ix ON reputation_rejection (brand_id, changed_at);
