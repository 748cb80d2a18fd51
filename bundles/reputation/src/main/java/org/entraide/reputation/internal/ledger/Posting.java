package org.entraide.reputation.internal.ledger;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.reputation.internal.rules.PointsTable;
import org.entraide.reputation.internal.rules.Rule;

/**
 * The entries one source (an event, a job's decision) writes, inside one transaction: applies the daily
 * cap and the floor, keeps totals in step, and remembers each member's change for the announcements.
 */
public final class Posting {
    /** What the posting changed for one member. */
    public record Change(long userId, int before, int after, List<String> reasons, Long postId) {
        public int delta() {
            return after - before;
        }
    }

    private final Connection c;
    private final long brandId;
    private final Long eventId;
    private final Instant at;
    private final PointsTable table;
    private final Ledger ledger;
    private final Members members;
    private final LedgerListener listener;
    private final Map<Long, Change> changes = new LinkedHashMap<>();

    Posting(Connection c, long brandId, Long eventId, Instant at, PointsTable table, Ledger ledger, Members members,
            LedgerListener listener) {
        this.c = c;
        this.brandId = brandId;
        this.eventId = eventId;
        this.at = at;
        this.table = table;
        this.ledger = ledger;
        this.members = members;
        this.listener = listener;
    }

    public long brandId() {
        return brandId;
    }

    public Instant at() {
        return at;
    }

    /** Gives (or takes) what the rule is worth, within today's cap for capped gains and never under the floor. */
    public Entry credit(long userId, Rule rule, Long postId, Long actorId) {
        int points = table.of(rule);
        int total = members.require(c, brandId, userId, at).points();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int amount = points;
        boolean capped = false;
        if (rule.cappable() && points > 0) {
            int room = Math.max(0, table.dailyCap() - ledger.earnedOn(c, userId, day));
            if (points > room) {
                amount = room;
                capped = true;
            }
        }
        amount = floored(total, amount);
        Entry e = ledger.insert(c, new Entry(0, brandId, userId, amount, points, rule.code(), eventId, postId, actorId, at,
            day, rule.cappable(), capped, false, null, null));
        apply(e, e, total);
        return e;
    }

    /**
     * Gives the points another plugin's event states (a promoted article's, set by the brand), outside the daily cap
     * and never under the floor; {@code reason} is the event's own code, shown in the member's history.
     */
    public Entry award(long userId, String reason, int points, Long postId, Long actorId) {
        int total = members.require(c, brandId, userId, at).points();
        int amount = floored(total, points);
        Entry e = ledger.insert(c, new Entry(0, brandId, userId, amount, points, reason, eventId, postId, actorId, at,
            LocalDate.ofInstant(at, ZoneOffset.UTC), false, false, false, null, null));
        apply(e, e, total);
        return e;
    }

    /** Takes back exactly what {@code original} applied, except that nobody goes under the floor. */
    public Entry reverse(Entry original, String cause) {
        int total = members.require(c, brandId, original.userId(), at).points();
        int amount = floored(total, -original.amount());
        ledger.markReversed(c, original.id());
        Entry e = ledger.insert(c, new Entry(0, brandId, original.userId(), amount, -original.rulePoints(),
            original.reason(), eventId, original.postId(), original.actorId(), at, original.capDay(), original.cappable(),
            false, false, original.id(), cause));
        apply(e, original, total);
        return e;
    }

    public List<Change> changes() {
        return new ArrayList<>(changes.values());
    }

    private void apply(Entry e, Entry original, int total) {
        if (e.amount() != 0) {
            members.setPoints(c, brandId, e.userId(), total, total + e.amount(), at);
        }
        listener.posted(c, e, original);
        Change previous = changes.get(e.userId());
        List<String> reasons = new ArrayList<>(previous == null ? List.of() : previous.reasons());
        if (!reasons.contains(e.reason())) {
            reasons.add(e.reason());
        }
        int before = previous == null ? total : previous.before();
        changes.put(e.userId(), new Change(e.userId(), before, total + e.amount(), List.copyOf(reasons),
            e.postId() != null ? e.postId() : previous == null ? null : previous.postId()));
    }

    private static int floored(int total, int amount) {
        return total + amount < Member.FLOOR ? Member.FLOOR - total : amount;
    }
}
