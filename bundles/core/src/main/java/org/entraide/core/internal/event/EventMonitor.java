package org.entraide.core.internal.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** What operators see of event dispatch: each subscriber's position, lag, throughput and errors. */
public final class EventMonitor {
    /** One subscriber; {@code installed} is false for a subscriber whose plugin was uninstalled. */
    public record SubscriberStatus(String name, boolean installed, String capability, long position, long head, long lag,
                                   long applied, double eventsPerSecond, long failures, int attempts, Instant retryAt,
                                   String lastError, long deadLetters) {
    }

    private final Database db;
    private final EventStore store;
    private final EventDispatcher dispatcher;

    public EventMonitor(Database db, EventStore store, EventDispatcher dispatcher) {
        this.db = db;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    public List<SubscriberStatus> subscribers() {
        Map<String, SubscriberDescriptor> installed = dispatcher.subscribers();
        return db.inTransaction(c -> {
            long head = store.head(c);
            List<SubscriberState> rows = Sql.list(c, "SELECT " + SubscriberState.COLUMNS + " FROM event_subscriber ORDER BY name",
                SubscriberState::map);
            List<SubscriberStatus> out = new ArrayList<>();
            for (SubscriberState s : rows) {
                SubscriberDescriptor d = installed.get(s.name());
                long parked = Sql.count(c, "SELECT COUNT(*) FROM event_dead_letter WHERE subscriber = ? AND replayed_at IS NULL",
                    s.name());
                out.add(new SubscriberStatus(s.name(), d != null, d == null ? null : d.capability(), s.position(), head,
                    Math.max(0, head - s.position()), s.applied(), dispatcher.throughput().perSecond(s.name()), s.failures(),
                    s.attempts(), s.retryAt(), s.lastError(), parked));
            }
            return out;
        });
    }
}
