package org.entraide.badges.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.entraide.api.badges.BadgeAwarded;
import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.badges.BadgeRevoked;
import org.entraide.core.internal.support.EventRecordScenarios;
import org.junit.jupiter.api.Test;

/** Badges' events, as already stored, read as their records; the records store that same shape. */
abstract class BadgeEventRecordScenarios extends EventRecordScenarios {
    @Test
    void anAwardAsStoredReadsAsItsRecord() {
        Map<String, Object> stored = Map.of("userId", 7, "badge", "expert", "tier", "gold", "scope", "topic:12",
            "postId", 345, "sourceEventId", 99);
        BadgeAwarded award = replay(BadgeEvents.BADGE_AWARDED, "user", 7, stored, BadgeAwarded.class);
        assertEquals(new BadgeAwarded(7, "expert", "gold", "topic:12", 345L, 99L), award);
        assertStoredAs(award, 7, BadgeEvents.BADGE_AWARDED, "user", stored);

        // a re-evaluation of a brand-wide badge: no post, no source event, no such keys
        Map<String, Object> reevaluated = Map.of("userId", 8, "badge", "first-answer", "tier", "bronze", "scope", "");
        BadgeAwarded again = replay(BadgeEvents.BADGE_AWARDED, "user", 8, reevaluated, BadgeAwarded.class);
        assertEquals(new BadgeAwarded(8, "first-answer", "bronze", "", null, null), again);
        assertStoredAs(again, 8, BadgeEvents.BADGE_AWARDED, "user", reevaluated);
    }

    @Test
    void aRevocationAsStoredReadsAsItsRecord() {
        Map<String, Object> stored = Map.of("userId", 7, "badge", "great-answer", "tier", "silver", "scope", "answer:345",
            "postId", 345, "sourceEventId", 120, "reason", "criterion no longer met");
        BadgeRevoked revoked = replay(BadgeEvents.BADGE_REVOKED, "user", 7, stored, BadgeRevoked.class);
        assertEquals(new BadgeRevoked(7, "great-answer", "silver", "answer:345", 345L, 120L, "criterion no longer met"),
            revoked);
        assertStoredAs(revoked, 7, BadgeEvents.BADGE_REVOKED, "user", stored);
    }
}
