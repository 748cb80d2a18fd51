-- Askers who stopped at each article, counted per day: a year's report reads at most 366 rows per article instead of
-- one row per asker (kn_deflection keeps those, to count an asker once per article and day).
CREATE TABLE kn_deflection_day (
    brand_id    BIGINT      NOT NULL,
    seen_on     DATE        NOT NULL,
    article_id  BIGINT      NOT NULL,
    askers      BIGINT      NOT NULL,
    PRIMARY KEY (brand_id, seen_on, article_id)
);

INSERT INTO kn_deflection_day (brand_id, seen_on, article_id, askers)
    SELECT brand_id, seen_on, article_id, COUNT(*) FROM kn_deflection GROUP BY brand_id, seen_on, article_id;
