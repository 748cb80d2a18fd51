-- Private messages of a complaint's thread reported by its other party (the local-managers plugin's event): the
-- queue item (source MESSAGE, whose post_id is the message's id) with what moderators judge. The complainant is
-- never named: their messages are by "complainant".
CREATE TABLE moderation_message_item (
    item_id       BIGINT        PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL,
    message_id    BIGINT        NOT NULL,
    body          VARCHAR(2000) NOT NULL,
    author_role   VARCHAR(20)   NOT NULL,
    author        VARCHAR(100)  NOT NULL,
    manager_id    BIGINT,
    reason        VARCHAR(500)  NOT NULL
);
CREATE INDEX moderation_message_item_ix ON moderation_message_item (message_id);
