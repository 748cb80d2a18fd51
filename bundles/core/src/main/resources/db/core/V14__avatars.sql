-- Members' avatars, re-encoded by the server (a 128-pixel PNG of a few kilobytes): never the uploaded bytes.
CREATE TABLE user_avatar (
    user_id    BIGINT                   NOT NULL PRIMARY KEY REFERENCES app_user (id),
    image      BYTEA                    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
