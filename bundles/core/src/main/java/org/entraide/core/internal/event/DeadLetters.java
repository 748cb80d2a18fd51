package org.entraide.core.internal.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** Events parked after too many failures: listed, and replayed once the subscriber is fixed. */
public final class DeadLetters {
    /** A parked event. */
    public record DeadLetter(long id, String subscriber, long eventId, String eventType, long brandId, int attempts,
                             String error, Instant parkedAt, Instant replayedAt) {
    }

    private final Database db;
    private final EventStore store;
    private final EventDispatcher dispatcher;
    private final Deliverer deliverer;
    private final Clock clock;

    public DeadLetters(Database db, EventStore store, EventDispatcher dispatcher, Deliverer deliverer, Clock clock) {
        this.db = db;
        this.store = store;
        this.dispatcher = dispatcher;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /** Parked events not replayed yet, oldest first; {@code subscriber} null for all. */
    public List<DeadLetter> pending(String subscriber) {
        String where = subscriber == null ? "" : " AND d.subscriber = ?";
        Object[] params = subscriber == null ? new Object[0] : new Object[] {subscriber};
        return db.inTransaction(c -> Sql.list(c, "SELECT d.id, d.subscriber, d.event_id, e.event_type, e.brand_id, d.attempts, "
            + "d.error, d.parked_at, d.replayed_at FROM event_dead_letter d JOIN domain_event e ON e.id = d.event_id "
            + "WHERE d.replayed_at IS NULL" + where + " ORDER BY d.id", DeadLetters::map, params));
    }

    /** Delivers the parked event again, in a transaction; it stays parked if the subscriber fails again. */
    public DeadLetter replay(long id) {
        return db.inTransaction(c -> {
            DeadLetter dl = Sql.one(c, "SELECT d.id, d.subscriber, d.event_id, e.event_type, e.brand_id, d.attempts, d.error, "
                    + "d.parked_at, d.replayed_at FROM event_dead_letter d JOIN domain_event e ON e.id = d.event_id "
                    + "WHERE d.id = ? FOR UPDATE", DeadLetters::map, id)
                .orElseThrow(() -> ProblemException.notFound("no dead letter " + id));
            if (dl.replayedAt() != null) {
                throw ProblemException.conflict("dead letter " + id + " was already replayed");
            }
            SubscriberDescriptor d = dispatcher.subscribers().get(dl.subscriber());
            if (d == null) {
                throw ProblemException.conflict("subscriber " + dl.subscriber() + " is not installed");
            }
            try {
                deliverer.deliver(d.endpointUri(), store.byId(c, dl.eventId()).event());
            } catch (Exception e) {
                throw ProblemException.conflict("the subscriber failed again: " + e);
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE event_dead_letter SET replayed_at = ? WHERE id = ?", now, id);
            return new DeadLetter(dl.id(), dl.subscriber(), dl.eventId(), dl.eventType(), dl.brandId(), dl.attempts(),
                dl.error(), dl.parkedAt(), now);
        });
    }

    static DeadLetter map(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("subscriber"), rs.getLong("event_id"), rs.getString("event_type"),
            rs.getLong("brand_id"), rs.getInt("attempts"), rs.getString("error"), Sql.instant(rs, "parked_at"),
            Sql.instant(rs, "replayed_at"));
    }
}
