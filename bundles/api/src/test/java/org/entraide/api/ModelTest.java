package org.entraide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void brandSlugIsValidatedOnConstruction() {
        assertEquals("demo", new Brand(1, "demo", "Demo").slug());
        assertThrows(IllegalArgumentException.class, () -> new Brand(1, "Demo", "x"), "upper case refused");
        assertThrows(IllegalArgumentException.class, () -> new Brand(1, "-demo", "x"), "leading hyphen refused");
        assertThrows(IllegalArgumentException.class, () -> new Brand(1, "a/b", "x"), "slash refused");
    }

    @Test
    void storeCoordinatesGoTogether() {
        assertThrows(IllegalArgumentException.class, () -> new Store(1, 1, "LYO", "Lyon", "Lyon", "69003", 45.7, null));
    }

    @Test
    void onlyQuestionsAndAnswersTakeVotes() {
        assertTrue(PostType.QUESTION.isVotable());
        assertTrue(PostType.ANSWER.isVotable());
        assertFalse(PostType.COMPLAINT.isVotable());
        assertFalse(PostType.RESPONSE.isVotable());
    }

    @Test
    void complaintVerdictOnlyAfterAnswer() {
        assertTrue(ComplaintStatus.ANSWERED.acceptsResolution());
        assertFalse(ComplaintStatus.OPEN.acceptsResolution());
        assertFalse(ComplaintStatus.RESOLVED.acceptsResolution());
    }

    @Test
    void callerStaffAndStores() {
        Caller manager = new Caller(7, 1, "demo", "bob", Set.of(Role.CUSTOMER, Role.STORE_MANAGER), Set.of(3L));
        assertTrue(manager.isStaff());
        assertTrue(manager.managesStore(3));
        assertFalse(manager.managesStore(4));
        Caller customer = new Caller(8, 1, "demo", "eve", Set.of(Role.CUSTOMER), Set.of(3L));
        assertFalse(customer.isStaff());
        assertFalse(customer.managesStore(3), "store binding without the role gives nothing");
    }

    @Test
    void problemStatusMustBeAnError() {
        assertThrows(IllegalArgumentException.class, () -> new ProblemException(200, "x", "x", "x", null, null));
        assertEquals(404, ProblemException.notFound("nope").status());
    }
}
