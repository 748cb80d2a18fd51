package org.entraide.core.internal.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.entraide.jdbc.Sql;

/** A subscriber's row: its position, counters and retry state. */
public record SubscriberState(String name, long position, long applied, long failures, int attempts, Instant retryAt,
                              String lastError) {
    static final String COLUMNS = "name, position, applied, failures, attempts, retry_at, last_error";

    static SubscriberState map(ResultSet rs) throws SQLException {
        return new SubscriberState(rs.getString("name"), rs.getLong("position"), rs.getLong("applied"),
            rs.getLong("failures"), rs.getInt("attempts"), Sql.instant(rs, "retry_at"), rs.getString("last_error"));
    }
}
