-- What happened in each brand each day (UTC), one row per counted event and measure, for the brand admins' daily
-- summary. Keyed by the event: a replayed event counts once. Rows older than a month are deleted by the summary job.
CREATE TABLE ntf_day_event (
    event_id     BIGINT        NOT NULL,
    metric       VARCHAR(30)   NOT NULL,
    brand_id     BIGINT        NOT NULL,
    event_day    DATE          NOT NULL,
    member_id    BIGINT,
    CONSTRAINT ntf_day_event_pk PRIMARY KEY (event_id, metric)
);
CREATE INDEX ntf_day_event_brand_day ON ntf_day_event (brand_id, event_day);

-- The summaries already written: one per brand and day, whatever the number of nodes.
CREATE TABLE ntf_summary_sent (
    brand_id     BIGINT        NOT NULL,
    event_day    DATE          NOT NULL,
    CONSTRAINT ntf_summary_sent_pk PRIMARY KEY (brand_id, event_day)
);
