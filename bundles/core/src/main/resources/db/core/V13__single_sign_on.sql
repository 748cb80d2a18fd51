-- Single sign-on with a brand's own OpenID Connect provider (docs/accounts.md).

-- A brand's provider. The client secret is stored encrypted (AES-GCM, key of etc/org.entraide.core.cfg or
-- data/keys/sso.key), never in clear and never returned by the API.
CREATE TABLE brand_sso (
    brand_id                BIGINT        NOT NULL PRIMARY KEY REFERENCES brand (id),
    enabled                 BOOLEAN       NOT NULL,
    issuer                  VARCHAR(500)  NOT NULL,
    client_id               VARCHAR(200)  NOT NULL,
    client_secret_sealed    VARCHAR(1000),
    password_login_enabled  BOOLEAN       NOT NULL,
    button_label            VARCHAR(60)   NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A sign-in under way: what the callback needs to check the provider's answer. Short-lived and single-use; the
-- state sent to the provider is stored as its SHA-256 digest only.
CREATE TABLE sso_attempt (
    state_hash     VARCHAR(64)   NOT NULL PRIMARY KEY,
    brand_id       BIGINT        NOT NULL REFERENCES brand (id),
    nonce          VARCHAR(100)  NOT NULL,
    code_verifier  VARCHAR(128)  NOT NULL,
    redirect_uri   VARCHAR(600)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sso_attempt_expiry_ix ON sso_attempt (expires_at);

-- Which account a provider's subject signs in to, per brand and issuer.
CREATE TABLE sso_link (
    brand_id    BIGINT        NOT NULL REFERENCES brand (id),
    issuer      VARCHAR(500)  NOT NULL,
    subject     VARCHAR(255)  NOT NULL,
    user_id     BIGINT        NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (brand_id, issuer, subject)
);
CREATE INDEX sso_link_user_ix ON sso_link (user_id);
