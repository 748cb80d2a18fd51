package org.entraide.core.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.entraide.api.event.DomainEvent;
import org.entraide.jdbc.Sql;

/** Reads the outbox in sequence order and gives committed events their sequence number. */
public final class EventStore {
    /** An event with its position in the dispatch order. */
    public record Sequenced(long seq, DomainEvent event) {
    }

    private static final String COLUMNS = "seq, id, brand_id, event_type, occurred_at, actor_id, subject_type, subject_id, "
        + "payload, schema_version";

    /**
     * Gives the next positions to committed events that have none, in id order. Only one node sequences at a
     * time (the sequencer row is locked); another node that finds it locked returns 0 at once.
     * @return how many events were sequenced
     */
    public int sequence(Connection c, int max) {
        Long last = Sql.one(c, "SELECT last_seq FROM event_sequencer WHERE id = 1 FOR UPDATE SKIP LOCKED",
            rs -> rs.getLong(1)).orElse(null);
        if (last == null) {
            return 0;
        }
        List<Long> ids = Sql.list(c, "SELECT id FROM domain_event WHERE seq IS NULL ORDER BY id LIMIT ?",
            rs -> rs.getLong(1), max);
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE domain_event SET seq = ? WHERE id = ?")) {
            long seq = last;
            for (long id : ids) {
                ps.setLong(1, ++seq);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
            Sql.update(c, "UPDATE event_sequencer SET last_seq = ? WHERE id = 1", seq);
        } catch (SQLException e) {
            throw new Sql.Failure(e);
        }
        return ids.size();
    }

    public List<Sequenced> after(Connection c, long position, int max) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM domain_event WHERE seq > ? ORDER BY seq LIMIT ?",
            EventStore::map, position, max);
    }

    public Sequenced byId(Connection c, long eventId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM domain_event WHERE id = ?", EventStore::map, eventId)
            .orElseThrow(() -> new IllegalArgumentException("no event " + eventId));
    }

    /** The last position handed out: the head of the stream. */
    public long head(Connection c) {
        return Sql.one(c, "SELECT last_seq FROM event_sequencer WHERE id = 1", rs -> rs.getLong(1)).orElse(0L);
    }

    static Sequenced map(ResultSet rs) throws SQLException {
        Long actor = Sql.nullableLong(rs, "actor_id");
        DomainEvent e = new DomainEvent(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("event_type"),
            Sql.instant(rs, "occurred_at"), actor, rs.getString("subject_type"), rs.getLong("subject_id"),
            rs.getString("payload"), rs.getInt("schema_version"));
        return new Sequenced(rs.getLong("seq"), e);
    }

}
