-- Who filed each complaint, beside its assignment: the header's total of unread private messages reads a member's
-- threads as complainant and as assigned manager in one indexed query, without asking the core for every complaint
-- the member filed. The core's post table gives the complainant of the complaints assigned before this column.
ALTER TABLE lm_assignment ADD COLUMN complainant_id BIGINT;
UPDATE lm_assignment SET complainant_id = (SELECT p.author_id FROM post p WHERE p.id = lm_assignment.complaint_id);
CREATE INDEX lm_assignment_complainant_ix ON lm_assignment (complainant_id, brand_id);

-- A manager's inbox in its order (unanswered first, soonest deadline first), so that a page after a cursor is one
-- range of it however deep; it also serves what the narrower index served (a manager's assignments, answered or not).
DROP INDEX lm_assignment_manager_ix;
CREATE INDEX lm_assignment_inbox_ix ON lm_assignment (manager_id, brand_id, responded_at NULLS FIRST, due_at, complaint_id);
