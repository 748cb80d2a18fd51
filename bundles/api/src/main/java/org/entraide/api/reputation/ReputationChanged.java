package org.entraide.api.reputation;

import java.util.List;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/**
 * A member's reputation changed by {@code change} to {@code reputation} (at least 1) because of one source event;
 * {@code reasons} are the ledger entries' codes ("answer-upvoted"...), {@code postId} is set when a post is concerned.
 */
@EventType(name = ReputationEvents.REPUTATION_CHANGED, subject = EventTypes.SUBJECT_USER)
public record ReputationChanged(long userId, int change, int reputation, List<String> reasons, Long sourceEventId,
                                Long postId) implements Event {
    public ReputationChanged {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
