-- How far each party has read a complaint's private thread (the complainant, the assigned manager): the newest
-- message id they were shown. Messages of the other party above it are unread; the mark only moves forward.
CREATE TABLE lm_message_read (
    complaint_id     BIGINT NOT NULL,
    user_id          BIGINT NOT NULL,
    last_message_id  BIGINT NOT NULL,
    read_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lm_message_read_pk PRIMARY KEY (complaint_id, user_id)
);
CREATE INDEX lm_message_read_user_ix ON lm_message_read (user_id);
