package org.entraide.localmanagers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.entraide.api.localmanagers.ComplaintAssigned;
import org.entraide.api.localmanagers.ComplaintClosed;
import org.entraide.api.localmanagers.ComplaintDelegated;
import org.entraide.api.localmanagers.ComplaintEscalated;
import org.entraide.api.localmanagers.ComplaintReminder;
import org.entraide.api.localmanagers.DetailsGiven;
import org.entraide.api.localmanagers.DetailsRequested;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.core.internal.support.EventRecordScenarios;
import org.junit.jupiter.api.Test;

/**
 * The local managers' events, as already stored, read as their records; the records store that same shape. None
 * names the complainant: a complaint is its id, its store and its managers.
 */
abstract class LocalManagerEventRecordScenarios extends EventRecordScenarios {
    private static final String DUE = "2026-11-25T09:00:00Z";

    @Test
    void anAssignmentAndItsRemindersAsStoredReadAsTheirRecords() {
        Map<String, Object> assigned = Map.of("complaintId", 41, "storeId", 3, "managerId", 12, "dueAt", DUE,
            "timeZone", "Europe/Paris");
        ComplaintAssigned a = replay(LocalManagerEvents.COMPLAINT_ASSIGNED, "post", 41, assigned, ComplaintAssigned.class);
        assertEquals(new ComplaintAssigned(41, 3, 12L, DUE, "Europe/Paris"), a);
        assertStoredAs(a, 41, LocalManagerEvents.COMPLAINT_ASSIGNED, "post", assigned);

        // no manager available, and written before the time zone was told
        Map<String, Object> older = Map.of("complaintId", 41, "storeId", 3, "dueAt", DUE);
        ComplaintAssigned unmanned = replay(LocalManagerEvents.COMPLAINT_ASSIGNED, "post", 41, older, ComplaintAssigned.class);
        assertNull(unmanned.managerId());
        assertNull(unmanned.timeZone(), "UTC, for an event written before the time zone");
        assertStoredAs(unmanned, 41, LocalManagerEvents.COMPLAINT_ASSIGNED, "post", older);

        Map<String, Object> reminder = Map.of("complaintId", 41, "storeId", 3, "managerId", 12, "dueAt", DUE,
            "timeZone", "Europe/Paris", "percent", 90);
        ComplaintReminder r = replay(LocalManagerEvents.COMPLAINT_REMINDER, "post", 41, reminder, ComplaintReminder.class);
        assertEquals(new ComplaintReminder(41, 3, 12L, DUE, "Europe/Paris", 90), r);
        assertStoredAs(r, 41, LocalManagerEvents.COMPLAINT_REMINDER, "post", reminder);
    }

    @Test
    void escalationsAsStoredReadAsTheirRecords() {
        Map<String, Object> region = Map.of("complaintId", 41, "to", "region", "storeId", 3, "managerId", 12,
            "dueAt", DUE, "timeZone", "Europe/Paris", "managerIds", List.of(20, 21));
        ComplaintEscalated r = replay(LocalManagerEvents.COMPLAINT_ESCALATED, "post", 41, region, ComplaintEscalated.class);
        assertEquals(new ComplaintEscalated(41, "region", 3L, 12L, DUE, "Europe/Paris", List.of(20L, 21L), null), r);
        assertStoredAs(r, 41, LocalManagerEvents.COMPLAINT_ESCALATED, "post", region);

        Map<String, Object> central = Map.of("complaintId", 41, "to", "central", "storeId", 3, "dueAt", DUE,
            "timeZone", "Europe/Paris");
        ComplaintEscalated c = replay(LocalManagerEvents.COMPLAINT_ESCALATED, "post", 41, central, ComplaintEscalated.class);
        assertNull(c.managerIds(), "the head office: no region's managers");
        assertStoredAs(c, 41, LocalManagerEvents.COMPLAINT_ESCALATED, "post", central);

        Map<String, Object> handedOver = Map.of("complaintId", 41, "to", "central", "reason", "a matter for the head office");
        ComplaintEscalated h = replay(LocalManagerEvents.COMPLAINT_ESCALATED, "post", 41, handedOver, ComplaintEscalated.class);
        assertEquals(new ComplaintEscalated(41, "central", null, null, null, null, null, "a matter for the head office"), h);
        assertStoredAs(h, 41, LocalManagerEvents.COMPLAINT_ESCALATED, "post", handedOver);
    }

    @Test
    void closingDelegationAndPrivateMessagesAsStoredReadAsTheirRecords() {
        Map<String, Object> closed = Map.of("complaintId", 41, "evaluated", false);
        ComplaintClosed cl = replay(LocalManagerEvents.COMPLAINT_CLOSED, "post", 41, closed, ComplaintClosed.class);
        assertEquals(new ComplaintClosed(41, false), cl);
        assertStoredAs(cl, 41, LocalManagerEvents.COMPLAINT_CLOSED, "post", closed);

        Map<String, Object> delegated = Map.of("complaintId", 41, "fromStoreId", 3, "storeId", 4, "managerId", 13,
            "reason", "wrong store");
        ComplaintDelegated d = replay(LocalManagerEvents.COMPLAINT_DELEGATED, "post", 41, delegated, ComplaintDelegated.class);
        assertEquals(new ComplaintDelegated(41, 3, 4, 13L, "wrong store"), d);
        assertStoredAs(d, 41, LocalManagerEvents.COMPLAINT_DELEGATED, "post", delegated);

        Map<String, Object> message = Map.of("complaintId", 41, "messageId", 6);
        DetailsRequested q = replay(LocalManagerEvents.DETAILS_REQUESTED, "post", 41, message, DetailsRequested.class);
        assertEquals(new DetailsRequested(41, 6), q);
        assertStoredAs(q, 41, LocalManagerEvents.DETAILS_REQUESTED, "post", message);
        DetailsGiven g = replay(LocalManagerEvents.DETAILS_GIVEN, "post", 41, message, DetailsGiven.class);
        assertEquals(new DetailsGiven(41, 6), g);
        assertStoredAs(g, 41, LocalManagerEvents.DETAILS_GIVEN, "post", message);
    }
}
