package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * A comment on a question or an answer was stored, in the state the submission pipeline decided (it is public only
 * when {@code publication} is PUBLISHED). The subject is the post commented on. {@code mentionedIds}: the members of
 * the brand its text names with {@code @pseudonym}, never its author, empty when none.
 */
@EventType(name = EventTypes.COMMENT_POSTED)
public record CommentPosted(long commentId, long postId, long questionId, PostType postType, long postAuthorId, long authorId,
                            PublicationState publication, List<Long> mentionedIds) implements Event {
    public CommentPosted {
        mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
    }
}
