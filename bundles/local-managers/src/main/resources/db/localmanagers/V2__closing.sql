-- A complaint answered but never evaluated by its author closes as "not evaluated" after 15 days.
ALTER TABLE lm_assignment ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX lm_assignment_open_ix ON lm_assignment (responded_at, evaluated_at, closed_at);
