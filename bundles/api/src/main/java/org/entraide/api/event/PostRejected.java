package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/** A post was rejected by moderation. */
@EventType(name = EventTypes.POST_REJECTED, version = 2)
public record PostRejected(long postId, PostType postType, long authorId, PublicationState publication,
                           Long parentId, Long topicId, Long storeId, List<String> tags, PublicationState from,
                           PublicationState to, String reason) implements Event {
    public PostRejected {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
