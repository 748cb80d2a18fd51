package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.entraide.api.event.EventLog;
import org.entraide.api.localmanagers.ComplaintClosed;
import org.entraide.api.localmanagers.ComplaintEscalated;
import org.entraide.api.localmanagers.ComplaintReminder;
import org.entraide.api.storage.Transactions;
import org.entraide.localmanagers.internal.store.Timeline;
import org.entraide.jdbc.Sql;

/**
 * Fires the deadlines that came due: reminders at 50 % and 90 % of the first-response time, escalation to the
 * region when it passes, then to the central team. The deadlines are rows, not timers: a restart loses none, and
 * on several nodes each row is taken by one of them ({@code FOR UPDATE SKIP LOCKED}); each step sets its column in
 * the transaction of its event, so it fires exactly once.
 */
public final class Deadlines {
    /** An answered complaint its author does not evaluate closes as "not evaluated" after this long. */
    public static final java.time.Duration NOT_EVALUATED_AFTER = java.time.Duration.ofDays(15);

    private final Transactions tx;
    private final EventLog events;
    private final Timeline timeline;
    private final Clock clock;

    public Deadlines(Transactions tx, EventLog events, Timeline timeline, Clock clock) {
        this.tx = tx;
        this.events = events;
        this.timeline = timeline;
        this.clock = clock;
    }

    private record Row(long complaint, long brand, long store, Long manager, Instant due, Instant half, Instant ninety,
                       Instant central, boolean r50, boolean r90, boolean region, boolean centralDone) {
        static Row map(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("complaint_id"), rs.getLong("brand_id"), rs.getLong("store_id"),
                Sql.nullableLong(rs, "manager_id"), Sql.instant(rs, "due_at"), Sql.instant(rs, "remind50_at"),
                Sql.instant(rs, "remind90_at"), Sql.instant(rs, "central_due_at"), rs.getObject("reminded50") != null,
                rs.getObject("reminded90") != null, rs.getObject("escalated_region") != null,
                rs.getObject("escalated_central") != null);
        }
    }

    /** One pass: fires what is due, up to {@code limit} complaints; returns the number of steps fired. */
    public int run(int limit) {
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            List<Row> due = Sql.list(c, "SELECT * FROM lm_assignment WHERE next_step_at <= ? AND responded_at IS NULL "
                + "ORDER BY next_step_at LIMIT ? FOR UPDATE SKIP LOCKED", Row::map, now, limit);
            int fired = 0;
            for (Row r : due) {
                fired += fire(c, r, now);
            }
            // answered, never evaluated by the complainant: closed after 15 days
            for (Object[] r : Sql.list(c, "SELECT complaint_id, brand_id FROM lm_assignment WHERE responded_at < ? "
                + "AND evaluated_at IS NULL AND closed_at IS NULL ORDER BY responded_at LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2)}, now.minus(NOT_EVALUATED_AFTER), limit)) {
                Sql.update(c, "UPDATE lm_assignment SET closed_at = ? WHERE complaint_id = ?", now, r[0]);
                timeline.add(c, (Long) r[0], "closed-not-evaluated", now);
                events.append(c, (Long) r[1], null, (Long) r[0], new ComplaintClosed((Long) r[0], false));
                fired++;
            }
            return fired;
        });
    }

    private int fire(Connection c, Row r, Instant now) {
        int fired = 0;
        if (!r.r50() && !now.isBefore(r.half())) {
            Sql.update(c, "UPDATE lm_assignment SET reminded50 = ? WHERE complaint_id = ?", now, r.complaint());
            remind(c, r, 50);
            fired++;
        }
        if (!r.r90() && !now.isBefore(r.ninety())) {
            Sql.update(c, "UPDATE lm_assignment SET reminded90 = ? WHERE complaint_id = ?", now, r.complaint());
            remind(c, r, 90);
            fired++;
        }
        if (!r.region() && !now.isBefore(r.due())) {
            Sql.update(c, "UPDATE lm_assignment SET escalated_region = ?, level = 'REGION' WHERE complaint_id = ?", now,
                r.complaint());
            escalate(c, r, "region", regionManagers(c, r));
            timeline.add(c, r.complaint(), "escalated-region", now);
            fired++;
        }
        if (!r.centralDone() && !now.isBefore(r.central())) {
            Sql.update(c, "UPDATE lm_assignment SET escalated_central = ?, level = 'CENTRAL' WHERE complaint_id = ?", now,
                r.complaint());
            escalate(c, r, "central", null);
            timeline.add(c, r.complaint(), "escalated-central", now);
            fired++;
        }
        Instant next = null;
        for (Object[] step : new Object[][] {{r.r50() || !now.isBefore(r.half()), r.half()},
            {r.r90() || !now.isBefore(r.ninety()), r.ninety()}, {r.region() || !now.isBefore(r.due()), r.due()},
            {r.centralDone() || !now.isBefore(r.central()), r.central()}}) {
            if (!(Boolean) step[0]) {
                next = (Instant) step[1];
                break;
            }
        }
        Sql.update(c, "UPDATE lm_assignment SET next_step_at = ? WHERE complaint_id = ?", next, r.complaint());
        return fired;
    }

    private void remind(Connection c, Row r, int percent) {
        events.append(c, r.brand(), null, r.complaint(), new ComplaintReminder(r.complaint(), r.store(), r.manager(),
            r.due().toString(), zone(c, r), percent));
    }

    private void escalate(Connection c, Row r, String to, List<Long> regionManagers) {
        events.append(c, r.brand(), null, r.complaint(), new ComplaintEscalated(r.complaint(), to, r.store(), r.manager(),
            r.due().toString(), zone(c, r), regionManagers, null));
    }

    /** The store's time zone, so that whoever tells people of the deadline shows it in the store's own time. */
    private static String zone(Connection c, Row r) {
        return Sql.one(c, "SELECT time_zone FROM lm_store WHERE store_id = ?", rs -> rs.getString(1), r.store()).orElse(null);
    }

    /** The managers of the store's region, who answer once the store's deadline passed. */
    private static List<Long> regionManagers(Connection c, Row r) {
        return Sql.list(c, "SELECT m.user_id FROM lm_store st JOIN lm_region_manager m ON m.region_id = st.region_id "
            + "WHERE st.store_id = ? ORDER BY m.user_id", rs -> rs.getLong(1), r.store());
    }
}
