-- An evaluation reads a member's awards in the scopes it evaluates, not all of them: a prolific member holds
-- thousands of per-answer badges.
CREATE INDEX badge_award_scope_ix ON badge_award (brand_id, user_id, scope);
