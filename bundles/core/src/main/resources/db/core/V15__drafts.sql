-- What a signed-in member is writing and has not sent yet, private to them (never published nor indexed).
-- draft_key names the form: question, complaint, answer-<question id>...; form_fields the form's other fields as JSON.
CREATE TABLE post_draft (
    user_id     BIGINT                   NOT NULL REFERENCES app_user (id),
    draft_key   VARCHAR(61)              NOT NULL,
    title       VARCHAR(200),
    body        VARCHAR(20000),
    form_fields VARCHAR(4000)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, draft_key)
);
