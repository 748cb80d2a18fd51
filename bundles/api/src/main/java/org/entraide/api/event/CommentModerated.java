package org.entraide.api.event;

import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * A moderator decided on a comment: published one the submission pipeline held, or hid or restored one. {@code from}
 * and {@code publication}: its state before and after. A comment held then published becomes public only now, so its
 * {@code mentionedIds} are told now. The subject is the post commented on.
 */
@EventType(name = EventTypes.COMMENT_MODERATED)
public record CommentModerated(long commentId, long postId, long questionId, PostType postType, long postAuthorId,
                               long authorId, long moderatorId, PublicationState from, PublicationState publication,
                               List<Long> mentionedIds) implements Event {
    public CommentModerated {
        mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
    }
}
