-- When each member last had a thread's page (a question, a complaint) in front of them: a member reading the page
-- is not e-mailed about what happens on it (docs/notifications.md). One row per member and thread, overwritten.
CREATE TABLE ntf_view (
    brand_id     BIGINT        NOT NULL,
    member_id    BIGINT        NOT NULL,
    thread_type  VARCHAR(20)   NOT NULL,
    thread_id    BIGINT        NOT NULL,
    viewed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ntf_view_pk PRIMARY KEY (member_id, thread_type, thread_id)
);
