package org.entraide.api.event;

import org.entraide.api.model.PostType;

/** A first vote on a post ({@code previous} is 0). */
@EventType(name = EventTypes.VOTE_CAST)
public record VoteCast(long postId, PostType postType, long postAuthorId, long voterId, int value, int previous,
                       Long parentId) implements Event {
}
