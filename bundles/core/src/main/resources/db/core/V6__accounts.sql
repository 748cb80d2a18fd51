-- Accounts that members control: a verified e-mail address, a profile, their sessions.
-- Accounts that existed before verification existed count as verified, so nothing that worked stops working.
ALTER TABLE app_user ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;
UPDATE app_user SET email_verified_at = created_at;
ALTER TABLE app_user ADD COLUMN bio VARCHAR(500);
ALTER TABLE app_user ADD COLUMN locale VARCHAR(5);
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE app_user ADD COLUMN pseudonym_changed_at TIMESTAMP WITH TIME ZONE;

-- What a session shows its owner: the device it was opened from and when it was last used (updated at most
-- once a minute, so a busy session does not write on every request).
ALTER TABLE auth_token ADD COLUMN device VARCHAR(200);
ALTER TABLE auth_token ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;

-- Single-use tokens sent by e-mail (address verification, password reset), stored as SHA-256 digests only.
-- new_email: the address a verification confirms (the account's own at registration, the next one on a change).
CREATE TABLE account_token (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id     BIGINT       NOT NULL REFERENCES app_user (id),
    purpose     VARCHAR(16)  NOT NULL,
    new_email   VARCHAR(254),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_token_user_ix ON account_token (user_id, purpose);

-- A pseudonym given up stays its former owner's for a while, so that nobody else takes it to impersonate them.
CREATE TABLE pseudonym_reservation (
    brand_id       BIGINT      NOT NULL REFERENCES brand (id),
    pseudonym_key  VARCHAR(30) NOT NULL,
    user_id        BIGINT      NOT NULL REFERENCES app_user (id),
    reserved_until TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (brand_id, pseudonym_key)
);

-- What a brand lets an account do before its e-mail address is verified; no row: the defaults (read and ask,
-- no complaint).
CREATE TABLE brand_account_policy (
    brand_id                 BIGINT  NOT NULL PRIMARY KEY REFERENCES brand (id),
    unverified_may_ask       BOOLEAN NOT NULL,
    unverified_may_complain  BOOLEAN NOT NULL
);
