package org.entraide.api.event;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * A post's title or body was changed by its author or by a moderator; {@code revision} is the number of the version
 * it now shows (the first version is 1). {@code publication}: the state after the edit (an edit may be held for review).
 * {@code byModerator}: a moderator edited someone else's post. The previous versions stay readable (revisions).
 */
@EventType(name = EventTypes.POST_EDITED)
public record PostEdited(long postId, PostType postType, long authorId, boolean byModerator, int revision,
                         PublicationState publication, Long parentId, Long topicId, Long storeId) implements Event {
}
