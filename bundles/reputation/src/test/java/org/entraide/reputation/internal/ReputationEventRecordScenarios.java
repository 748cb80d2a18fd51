package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.entraide.api.reputation.PrivilegeGranted;
import org.entraide.api.reputation.ReputationChanged;
import org.entraide.api.reputation.ReputationEvents;
import org.entraide.core.internal.support.EventRecordScenarios;
import org.junit.jupiter.api.Test;

/** Reputation's events, as already stored, read as their records; the records store that same shape. */
abstract class ReputationEventRecordScenarios extends EventRecordScenarios {
    @Test
    void aChangeAsStoredReadsAsItsRecord() {
        Map<String, Object> stored = Map.of("userId", 7, "change", 10, "reputation", 26, "reasons", List.of("answer-upvoted"),
            "sourceEventId", 88, "postId", 42);
        ReputationChanged changed = replay(ReputationEvents.REPUTATION_CHANGED, "user", 7, stored, ReputationChanged.class);
        assertEquals(new ReputationChanged(7, 10, 26, List.of("answer-upvoted"), 88L, 42L), changed);
        assertStoredAs(changed, 7, ReputationEvents.REPUTATION_CHANGED, "user", stored);

        // a recomputation has no source event, a member's own change no post
        Map<String, Object> recomputed = Map.of("userId", 7, "change", -2, "reputation", 24, "reasons", List.of("vote-retracted"));
        ReputationChanged back = replay(ReputationEvents.REPUTATION_CHANGED, "user", 7, recomputed, ReputationChanged.class);
        assertEquals(new ReputationChanged(7, -2, 24, List.of("vote-retracted"), null, null), back);
        assertStoredAs(back, 7, ReputationEvents.REPUTATION_CHANGED, "user", recomputed);
    }

    @Test
    void aPrivilegeAsStoredReadsAsItsRecord() {
        Map<String, Object> stored = Map.of("userId", 7, "privilege", "vote-down", "threshold", 125, "reputation", 130);
        PrivilegeGranted granted = replay(ReputationEvents.PRIVILEGE_GRANTED, "user", 7, stored, PrivilegeGranted.class);
        assertEquals(new PrivilegeGranted(7, "vote-down", 125, 130), granted);
        assertStoredAs(granted, 7, ReputationEvents.PRIVILEGE_GRANTED, "user", stored);
    }
}
