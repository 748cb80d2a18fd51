package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/** A public or held post was hidden (reports, a moderator). */
@EventType(name = EventTypes.POST_HIDDEN, version = 2)
public record PostHidden(long postId, PostType postType, long authorId, PublicationState publication, Long parentId,
                         Long topicId, Long storeId, List<String> tags, PublicationState from, PublicationState to,
                         String reason) implements Event {
    public PostHidden {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
