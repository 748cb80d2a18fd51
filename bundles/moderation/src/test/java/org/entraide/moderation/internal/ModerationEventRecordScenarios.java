package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.entraide.api.moderation.AppealDecided;
import org.entraide.api.moderation.AppealFiled;
import org.entraide.api.moderation.FlagUpheld;
import org.entraide.api.moderation.ModerationEvents;
import org.entraide.api.moderation.PostFlagged;
import org.entraide.api.moderation.ReviewOverdue;
import org.entraide.api.moderation.SanctionImposed;
import org.entraide.core.internal.support.EventRecordScenarios;
import org.junit.jupiter.api.Test;

/** Moderation's events, as already stored, read as their records; the records store that same shape. */
abstract class ModerationEventRecordScenarios extends EventRecordScenarios {
    @Test
    void queueEventsAsStoredReadAsTheirRecords() {
        Map<String, Object> overdue = Map.of("itemId", 5, "postId", 42, "source", "HOLD",
            "waitingSince", "2026-11-24T09:00:00Z");
        ReviewOverdue o = replay(ModerationEvents.REVIEW_OVERDUE, "post", 42, overdue, ReviewOverdue.class);
        assertEquals(new ReviewOverdue(5, 42, "HOLD", "2026-11-24T09:00:00Z"), o);
        assertStoredAs(o, 42, ModerationEvents.REVIEW_OVERDUE, "post", overdue);

        Map<String, Object> flagged = Map.of("postId", 42, "weight", 3.5);
        PostFlagged f = replay(ModerationEvents.POST_FLAGGED, "post", 42, flagged, PostFlagged.class);
        assertEquals(new PostFlagged(42, 3.5), f);
        assertStoredAs(f, 42, ModerationEvents.POST_FLAGGED, "post", flagged);

        Map<String, Object> upheld = Map.of("userId", 9, "postId", 42, "reason", "spam");
        FlagUpheld u = replay(ModerationEvents.FLAG_UPHELD, "user", 9, upheld, FlagUpheld.class);
        assertEquals(new FlagUpheld(9, 42, "spam"), u);
        assertStoredAs(u, 9, ModerationEvents.FLAG_UPHELD, "user", upheld);
    }

    @Test
    void appealsAsStoredReadAsTheirRecordsAndAFiledOneNamesNoAppellant() {
        Map<String, Object> filed = Map.of("appealId", 3, "subject", "ITEM");
        AppealFiled a = replay(ModerationEvents.APPEAL_FILED, "appeal", 3, filed, AppealFiled.class);
        assertEquals(new AppealFiled(3, "ITEM"), a);
        assertStoredAs(a, 3, ModerationEvents.APPEAL_FILED, ModerationEvents.SUBJECT_APPEAL, filed);

        Map<String, Object> decided = Map.of("appealId", 3, "subject", "ITEM", "outcome", "OVERTURNED",
            "reason", "the post was fine", "appellantId", 7);
        AppealDecided d = replay(ModerationEvents.APPEAL_DECIDED, "appeal", 3, decided, AppealDecided.class);
        assertEquals(new AppealDecided(3, "ITEM", "OVERTURNED", "the post was fine", 7), d);
        assertStoredAs(d, 3, ModerationEvents.APPEAL_DECIDED, ModerationEvents.SUBJECT_APPEAL, decided);
    }

    @Test
    void sanctionsAsStoredReadAsTheirRecordsAWarningWithoutEnd() {
        Map<String, Object> silence = Map.of("sanctionId", 4, "userId", 7, "kind", "SILENCE", "reason", "insults",
            "endsAt", "2026-11-27T10:00:00Z");
        SanctionImposed s = replay(ModerationEvents.SANCTION_IMPOSED, "user", 7, silence, SanctionImposed.class);
        assertEquals(new SanctionImposed(4, 7, "SILENCE", "insults", "2026-11-27T10:00:00Z"), s);
        assertStoredAs(s, 7, ModerationEvents.SANCTION_IMPOSED, "user", silence);

        Map<String, Object> warning = Map.of("sanctionId", 5, "userId", 7, "kind", "WARNING", "reason", "tone");
        SanctionImposed w = replay(ModerationEvents.SANCTION_IMPOSED, "user", 7, warning, SanctionImposed.class);
        assertNull(w.endsAt(), "a warning has no end");
        assertStoredAs(w, 7, ModerationEvents.SANCTION_IMPOSED, "user", warning);
    }
}
