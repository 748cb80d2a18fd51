-- A moderator's correction of a post approved with an edit: the title and body before and after, in the EDIT
-- line of the audit log (the other lines leave them null). Sizes are the core's limits of a post's text.
ALTER TABLE moderation_audit ADD COLUMN before_title VARCHAR(200);
ALTER TABLE moderation_audit ADD COLUMN before_body VARCHAR(20000);
ALTER TABLE moderation_audit ADD COLUMN after_title VARCHAR(200);
ALTER TABLE moderation_audit ADD COLUMN after_body VARCHAR(20000);
