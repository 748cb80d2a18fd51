package org.entraide.api.event;

import org.entraide.api.model.PostType;

/** A vote withdrawn ({@code value} is 0). */
@EventType(name = EventTypes.VOTE_RETRACTED)
public record VoteRetracted(long postId, PostType postType, long postAuthorId, long voterId, int value, int previous,
                            Long parentId) implements Event {
}
