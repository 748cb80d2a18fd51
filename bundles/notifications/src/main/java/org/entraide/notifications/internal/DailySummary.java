package org.entraide.notifications.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Role;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.jdbc.Sql;

/**
 * The brand admins' daily summary: yesterday's new members, questions, answers, complaints, complaints that went
 * past their deadline, posts held for review and the members whose answers were accepted most. The subscriber
 * records what it reads ({@link #count}); once a day is over, one notification per brand admin tells it, once per
 * brand and day whatever the number of nodes.
 */
final class DailySummary {
    static final String MEMBERS = "members";
    static final String QUESTIONS = "questions";
    static final String ANSWERS = "answers";
    static final String COMPLAINTS = "complaints";
    static final String LATE = "late";
    static final String HELD = "held";
    static final String ACCEPTED = "accepted";
    private static final List<String> SHOWN = List.of(MEMBERS, QUESTIONS, ANSWERS, COMPLAINTS, LATE, HELD);
    private static final int ADMINS = 50;
    private static final int KEPT_DAYS = 31;

    private final NotificationStore store;
    private final Platform platform;
    private final NotificationMailer mailer;
    private final BrandFeatures features;
    private final Clock clock;

    DailySummary(NotificationStore store, Platform platform, NotificationMailer mailer, BrandFeatures features, Clock clock) {
        this.store = store;
        this.platform = platform;
        this.mailer = mailer;
        this.features = features;
        this.clock = clock;
    }

    /** Records one measure of an event, in the subscriber's transaction; a replayed event is not counted again. */
    void count(Connection c, long eventId, String metric, long brandId, java.time.Instant at, Long member) {
        Sql.update(c, "INSERT INTO ntf_day_event (event_id, metric, brand_id, event_day, member_id) SELECT CAST(? AS BIGINT), "
            + "CAST(? AS VARCHAR(30)), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT) WHERE NOT EXISTS "
            + "(SELECT 1 FROM ntf_day_event WHERE event_id = ? AND metric = ?)", eventId, metric, brandId,
            LocalDate.ofInstant(at, ZoneOffset.UTC), member, eventId, metric);
    }

    /** Writes the summaries of yesterday not written yet. @return notifications written */
    int due(Connection c) {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        Sql.update(c, "DELETE FROM ntf_day_event WHERE event_day < ?", yesterday.minusDays(KEPT_DAYS));
        int written = 0;
        List<Long> brands = Sql.list(c, "SELECT DISTINCT brand_id FROM ntf_day_event WHERE event_day = ? AND brand_id NOT IN "
            + "(SELECT brand_id FROM ntf_summary_sent WHERE event_day = ?) ORDER BY brand_id", rs -> rs.getLong(1), yesterday, yesterday);
        for (long brandId : brands) {
            // claimed first: another node taking the same brand and day waits on this row, then finds it taken
            if (Sql.update(c, "INSERT INTO ntf_summary_sent (brand_id, event_day) SELECT CAST(? AS BIGINT), CAST(? AS DATE) WHERE NOT "
                + "EXISTS (SELECT 1 FROM ntf_summary_sent WHERE brand_id = ? AND event_day = ?)", brandId, yesterday, brandId, yesterday) == 0
                || !features.isEnabled(brandId, NotificationCapability.NAME)) {
                continue;
            }
            written += tell(c, brandId, yesterday);
        }
        return written;
    }

    private int tell(Connection c, long brandId, LocalDate day) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Sql.list(c, "SELECT metric, COUNT(*) FROM ntf_day_event WHERE brand_id = ? AND event_day = ? GROUP BY metric",
            rs -> counts.put(rs.getString(1), rs.getLong(2)), brandId, day);
        for (String metric : SHOWN) {
            params.put(metric, counts.getOrDefault(metric, 0L));
        }
        params.put("day", day.toString());
        List<String> top = Sql.list(c, "SELECT member_id FROM ntf_day_event WHERE brand_id = ? AND event_day = ? AND metric = ? "
            + "GROUP BY member_id ORDER BY COUNT(*) DESC, member_id LIMIT 3", rs -> rs.getLong(1), brandId, day, ACCEPTED)
            .stream().map(id -> platform.members().member(c, brandId, id).map(MemberFacts::pseudonym).orElse(null))
            .filter(java.util.Objects::nonNull).toList();
        if (!top.isEmpty()) {
            params.put("top", top);
        }
        // one synthetic event per day, below every real event's id: the summary of a day is written once per admin
        long eventId = -day.toEpochDay();
        Draft d = new Draft(brandId, Kind.SUMMARY_DAILY, eventId, "brand", brandId, "/b/" + Draft.BRAND + "/admin/dashboard",
            params, clock.instant());
        int written = 0;
        for (MemberFacts admin : platform.members().withRole(c, brandId, Role.BRAND_ADMIN, ADMINS)) {
            if (store.notifyOne(c, d, admin.id(), store.channel(c, brandId, admin.id(), Kind.SUMMARY_DAILY))) {
                written++;
            }
        }
        mailer.afterEvent(c, eventId, clock.instant());
        return written;
    }
}
