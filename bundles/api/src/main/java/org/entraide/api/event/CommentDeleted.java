package org.entraide.api.event;

import org.entraide.api.model.PublicationState;

/**
 * A comment left the thread: deleted by its author (a soft delete), or hidden by a moderator ({@code byModerator}).
 * {@code publication}: its state before. The subject is the post commented on.
 */
@EventType(name = EventTypes.COMMENT_DELETED)
public record CommentDeleted(long commentId, long postId, long questionId, long authorId, boolean byModerator,
                             PublicationState publication) implements Event {
}
