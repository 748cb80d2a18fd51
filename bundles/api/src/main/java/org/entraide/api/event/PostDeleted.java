package org.entraide.api.event;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * Its author deleted a post (a soft delete: the post stays, shown as deleted by its author). {@code publication}:
 * the state it had, so that subscribers reverse only what a public post earned.
 */
@EventType(name = EventTypes.POST_DELETED)
public record PostDeleted(long postId, PostType postType, long authorId, PublicationState publication, Long parentId,
                          Long topicId, Long storeId) implements Event {
}
