-- The unread total of a region's managers and of the central team: the open complaints escalated from the region's
-- stores, and the brand's open complaints at the central team, each read from an index of open assignments, however
-- many complaints the stores and the brand closed before.
CREATE INDEX lm_region_manager_user_ix ON lm_region_manager (user_id, region_id);
CREATE INDEX lm_store_region_ix ON lm_store (region_id, store_id);
CREATE INDEX lm_assignment_escalated_ix ON lm_assignment (store_id, closed_at, escalated_region);
CREATE INDEX lm_assignment_level_ix ON lm_assignment (brand_id, level, closed_at);
