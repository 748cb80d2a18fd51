package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * A post became public, on submission or after review: one shape whatever the path. {@code from}, {@code reason}
 * and {@code edited} are set when a moderator published it (version 1 after a review had no topic, store or tags:
 * null).
 */
@EventType(name = EventTypes.POST_PUBLISHED, version = 2)
public record PostPublished(long postId, PostType postType, long authorId, PublicationState publication,
                            Long parentId, Long topicId, Long storeId, List<String> tags, PublicationState from,
                            String reason, boolean edited) implements Event {
    public PostPublished {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
