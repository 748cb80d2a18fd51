-- Thanks to a store's team (channels plugin, event store.thanked), counted in the store's figures beside its
-- complaints. One row per thanks: the same event applied twice counts once (unique thanks_id per brand).
CREATE TABLE lm_store_thanks (
    brand_id    BIGINT    NOT NULL,
    thanks_id   BIGINT    NOT NULL,
    store_id    BIGINT    NOT NULL,
    thanked_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (brand_id, thanks_id)
);
CREATE INDEX lm_store_thanks_store_ix ON lm_store_thanks (brand_id, store_id, thanked_at);
