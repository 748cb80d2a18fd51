-- The incident a complaint belongs to (incidents plugin, event incident.item-attached): the store ranking counts it
-- apart, so that a national outage is not a store's fault.
ALTER TABLE lm_assignment ADD COLUMN incident_id BIGINT;
