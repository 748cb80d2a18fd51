package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * A comment's author changed its text (through the submission pipeline: {@code publication} is the state after the
 * edit). {@code mentionedIds}: the members the new text names; {@code newlyMentionedIds}: those the text before did not
 * name, whom notifications tell. The subject is the post commented on.
 */
@EventType(name = EventTypes.COMMENT_EDITED)
public record CommentEdited(long commentId, long postId, long questionId, PostType postType, long postAuthorId, long authorId,
                            PublicationState publication, List<Long> mentionedIds, List<Long> newlyMentionedIds)
                            implements Event {
    public CommentEdited {
        mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
        newlyMentionedIds = newlyMentionedIds == null ? List.of() : List.copyOf(newlyMentionedIds);
    }
}
