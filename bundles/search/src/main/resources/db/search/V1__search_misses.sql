-- Searches that found nothing, counted per brand and normalized query (lower case, without accents, single spaces):
-- what a brand's community is missing. Portable H2 / PostgreSQL SQL; nothing here points at the core's tables.
CREATE TABLE search_miss (
    brand_id   BIGINT        NOT NULL,
    query_text VARCHAR(100)  NOT NULL,
    misses     BIGINT        NOT NULL,
    first_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT search_miss_pk PRIMARY KEY (brand_id, query_text)
);
-- the top misses of a brand
CREATE INDEX search_miss_top_ix ON search_miss (brand_id, misses DESC);
