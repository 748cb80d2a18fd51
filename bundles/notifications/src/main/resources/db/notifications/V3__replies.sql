-- Replies by e-mail, one row per message read from the inbound mailbox and accepted (its token and sender were
-- genuine): its Message-ID is unique, so a message seen twice (a re-read mailbox, two nodes) has its effect once.
-- Written in the transaction of that effect (the answer, the private message).
CREATE TABLE ntf_reply (
    message_id   VARCHAR(250)  NOT NULL PRIMARY KEY,
    brand_id     BIGINT        NOT NULL,
    member_id    BIGINT        NOT NULL,
    thread_type  VARCHAR(20)   NOT NULL,
    thread_id    BIGINT        NOT NULL,
    -- PUBLISHED, HELD (waiting for review), SENT (a private message), REFUSED (by the submission path: reason)
    outcome      VARCHAR(10)   NOT NULL,
    -- the answer or private message it became; NULL when refused
    result_id    BIGINT,
    reason       VARCHAR(500),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
