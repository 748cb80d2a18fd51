-- A brand's own ranking formula; without a row the configured one applies. Weights sum to 1.
CREATE TABLE lm_brand_formula (
    brand_id        BIGINT           NOT NULL PRIMARY KEY,
    w_response      DOUBLE PRECISION NOT NULL,
    w_rating        DOUBLE PRECISION NOT NULL,
    w_resolution    DOUBLE PRECISION NOT NULL,
    w_buy_again     DOUBLE PRECISION NOT NULL,
    min_evaluated   INTEGER          NOT NULL
);
