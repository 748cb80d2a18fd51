-- The voice of an official response given by someone a plugin allowed (a region's manager, the central team):
-- its label is fixed when it is given, so that it reads the same after the organisation changes. Responses of
-- the store's managers and the brand's admins have no row: their label is the store's.
CREATE TABLE response_voice (
    post_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES post (id),
    voice     VARCHAR(30)  NOT NULL,
    label_fr  VARCHAR(200) NOT NULL,
    label_en  VARCHAR(200) NOT NULL
);
