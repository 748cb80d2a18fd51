-- When each member's last daily or weekly digest left: the next one leaves a period later.
CREATE TABLE ntf_digest (
    brand_id     BIGINT        NOT NULL,
    recipient_id BIGINT        NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    last_sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ntf_digest_pk PRIMARY KEY (recipient_id, channel)
);
