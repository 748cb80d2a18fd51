-- How many members have each score on each board, so that a rank is a sum over the distinct scores above
-- it (a few thousand at most) instead of a count of every member above it (up to millions).
-- The brand's all-time board is ('all', ''), the members' reputation.
CREATE TABLE reputation_board_tally (
    brand_id  BIGINT      NOT NULL,
    period    VARCHAR(20) NOT NULL,
    scope     VARCHAR(40) NOT NULL,
    points    INTEGER     NOT NULL,
    members   INTEGER     NOT NULL,
    PRIMARY KEY (brand_id, period, scope, points)
);
INSERT INTO reputation_board_tally (brand_id, period, scope, points, members)
    SELECT brand_id, period, scope, points, COUNT(*) FROM reputation_board GROUP BY brand_id, period, scope, points;
INSERT INTO reputation_board_tally (brand_id, period, scope, points, members)
    SELECT brand_id, 'all', '', points, COUNT(*) FROM reputation_user GROUP BY brand_id, points;
