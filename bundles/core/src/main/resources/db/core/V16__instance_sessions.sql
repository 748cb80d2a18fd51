-- Sessions of the instance administrators signed in to the instance console through the web: the console keeps the
-- token in its cookie instead of the administrator's password; only the token's SHA-256 digest is stored.
CREATE TABLE instance_session (
    token_digest VARCHAR(64)              NOT NULL PRIMARY KEY,
    admin_name   VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX instance_session_expiry ON instance_session (expires_at);
