-- A brand's own deadlines, in opening hours of the store; without a row the configured defaults apply.
CREATE TABLE lm_brand_deadline (
    brand_id              BIGINT  NOT NULL PRIMARY KEY,
    first_response_hours  INTEGER NOT NULL,
    region_hours          INTEGER NOT NULL
);
