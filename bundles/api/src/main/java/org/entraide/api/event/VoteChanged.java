package org.entraide.api.event;

import org.entraide.api.model.PostType;

/** A vote turned the other way. */
@EventType(name = EventTypes.VOTE_CHANGED)
public record VoteChanged(long postId, PostType postType, long postAuthorId, long voterId, int value, int previous,
                          Long parentId) implements Event {
}
