package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/** A post was stored, whatever the submission pipeline decided (version 1 had no publication and notes: null). */
@EventType(name = EventTypes.POST_SUBMITTED, version = 2)
public record PostSubmitted(long postId, PostType postType, long authorId, PublicationState publication,
                            List<String> notes, Long parentId, Long topicId, Long storeId, List<String> tags)
                            implements Event {
    public PostSubmitted {
        notes = notes == null ? List.of() : List.copyOf(notes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
