package org.entraide.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.api.event.ComplaintFiled;
import org.entraide.api.event.ComplaintResponded;
import org.entraide.api.event.CoreEvents;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.Event;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.NewEvent;
import org.entraide.api.event.PostPublished;
import org.entraide.api.event.VoteCast;
import org.entraide.api.model.PostType;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.junit.jupiter.api.Test;

/**
 * Every event the core appends reads back as its record, and so do payloads written by earlier versions: what a
 * plugin replaying a year of history needs.
 */
public abstract class TypedEventScenarios extends ApiScenarios {
    @Test
    void everyEventOfACommunityReadsAsItsRecord() {
        long from = lastEventId();
        Member asker = community.join("demo");
        Member helper = community.join("demo");
        long q = community.askId(asker, "Which saw for laminate?", "saw");
        long a = community.answerId(helper, q);
        community.vote(asker, "demo", a, 1);
        community.accept(asker, "demo", q, a);
        long complaint = community.complaintId(asker, "LYON-PARTDIEU", false);
        community.respond(community.demo("manager"), "demo", complaint, "Come and see us.");
        community.resolve(asker, "demo", complaint, true, 8, true);

        Set<String> read = new HashSet<>();
        for (DomainEvent e : eventsAfter(from)) {
            Class<? extends Event> type = CoreEvents.recordOf(e.type());
            assertNotNull(type, "a record for " + e.type());
            Event event = server.core.eventReader.read(e, type);
            assertNotNull(event, e.toString());
            read.add(e.type());
        }
        assertTrue(read.containsAll(List.of("user.registered", "post.submitted", "post.published", "vote.cast", "answer.accepted",
            "complaint.filed", "complaint.published", "complaint.responded", "complaint.resolved")), read.toString());
        VoteCast vote = server.core.eventReader.read(eventsAfter(from).stream().filter(e -> e.type().equals("vote.cast"))
            .findFirst().orElseThrow(), VoteCast.class);
        assertEquals(a, vote.postId());
        assertEquals(PostType.ANSWER, vote.postType());
        assertEquals(q, (long) vote.parentId(), "typed values, not strings");
    }

    @Test
    void payloadsWrittenByEarlierVersionsStillRead() {
        long brand = server.core.brands.require("demo").id();
        long from = lastEventId();
        server.core.db.inTransaction(c -> {
            // the shapes of version 1: no publication on complaint.filed, no topic or tags after a review, storeId 0
            server.core.events.append(c, NewEvent.of(brand, EventTypes.COMPLAINT_FILED, 7L, EventTypes.SUBJECT_POST, 41,
                Map.of("complaintId", 41, "authorId", 7, "storeId", 3, "storeCode", "LYON-PARTDIEU")));
            server.core.events.append(c, NewEvent.of(brand, EventTypes.POST_PUBLISHED, null, EventTypes.SUBJECT_POST, 42,
                Map.of("postId", 42, "postType", "QUESTION", "authorId", 7, "from", "PENDING_REVIEW", "to", "PUBLISHED")));
            server.core.events.append(c, NewEvent.of(brand, EventTypes.COMPLAINT_RESPONDED, 9L, EventTypes.SUBJECT_POST, 41,
                Map.of("complaintId", 41, "responseId", 43, "responderId", 9, "storeId", 0)));
            return null;
        });
        List<DomainEvent> old = eventsAfter(from);
        ComplaintFiled filed = server.core.eventReader.read(old.get(0), ComplaintFiled.class);
        assertNull(filed.publication(), "version 1 did not say: public at once");
        assertEquals("LYON-PARTDIEU", filed.storeCode());
        PostPublished published = server.core.eventReader.read(old.get(1), PostPublished.class);
        assertNull(published.topicId(), "no topic in version 1 after a review");
        assertEquals(List.of(), published.tags());
        assertEquals(PostType.QUESTION, published.postType());
        assertEquals(43, server.core.eventReader.read(old.get(2), ComplaintResponded.class).responseId());
        assertThrows(IllegalArgumentException.class, () -> server.core.eventReader.read(old.get(0), PostPublished.class),
            "a complaint.filed is not a post.published");
    }

    private long lastEventId() {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT COALESCE(MAX(id), 0) FROM domain_event",
            rs -> rs.getLong(1)).orElse(0L));
    }

    private List<DomainEvent> eventsAfter(long id) {
        return server.core.db.inTransaction(c -> Sql.list(c, "SELECT id, brand_id, event_type, occurred_at, actor_id, "
            + "subject_type, subject_id, payload, schema_version FROM domain_event WHERE id > ? ORDER BY id",
            rs -> new DomainEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.instant(rs, "occurred_at"),
                Sql.nullableLong(rs, "actor_id"), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9)), id));
    }
}
