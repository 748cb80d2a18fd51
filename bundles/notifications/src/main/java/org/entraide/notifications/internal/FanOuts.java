package org.entraide.notifications.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.jdbc.Sql;

/**
 * The notification of every follower of a few targets, written target after target in chunks of followers in member
 * order (a member who follows two of the targets is written once: the second finds the first). The job is
 * recorded in the event's own transaction together with its first chunk, so that a fan-out to a few followers (nearly
 * all of them) is complete when the event is; a larger one goes on in the plugin's fan-out timer, one chunk per
 * transaction with the job's progress. So no fan-out holds one transaction of 100,000 rows that readers wait behind,
 * and after a crash it resumes after the last chunk committed: each follower is written exactly once.
 */
final class FanOuts {
    /** Followers per chunk: about 0.1 s of writing on either database. */
    static final int CHUNK = 2000;
    /** A finished job is kept so long, so that the event replayed meanwhile writes nothing. */
    static final Duration KEPT = Duration.ofDays(7);

    /** One chunk written: the job's event and kind, how many notifications it wrote, whether the job is done. */
    record Step(long eventId, Kind kind, int written, boolean done) {
    }

    private record Job(long id, Draft draft, List<Target> targets, List<String> levels, Channel brandDefault,
                       Set<Long> excluded, Instant followedBy, int targetAt, long afterMember) {
        Target target() {
            return targets.get(targetAt);
        }
    }

    private static final String COLUMNS = "id, brand_id, event_id, kind, thread_type, thread_id, link_path, params, created_at, "
        + "targets, levels, brand_default, excluded, followed_by, target_at, after_member";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int chunk;

    FanOuts() {
        this(CHUNK);
    }

    FanOuts(int chunk) {
        this.chunk = chunk;
    }

    /**
     * Records the fan-out of {@code d} to every follower of one of {@code targets} at one of {@code levels}, and writes
     * its first chunk: not to {@code excluded} (the actor, the author), not to those who muted one of the targets, not
     * to those whose channel for the kind is off, not to whoever already has the notification. Only follows made by
     * {@code followedBy} (the event's time) count, so that every chunk, and the event replayed, reach the people the
     * event reached. At most one fan-out per event and kind: a replay writes nothing.
     *
     * @return notifications written now
     */
    int start(Connection c, Draft d, List<Target> targets, List<String> levels, Channel brandDefault, Set<Long> excluded,
              Instant followedBy) {
        if (targets.isEmpty() || Sql.count(c, "SELECT COUNT(*) FROM ntf_fanout WHERE event_id = ? AND kind = ?", d.eventId(),
            d.kind().key()) > 0) {
            return 0;
        }
        Set<Long> skip = new TreeSet<>(excluded);
        long id = Sql.insert(c, "INSERT INTO ntf_fanout (brand_id, event_id, kind, thread_type, thread_id, link_path, params, "
            + "created_at, targets, levels, brand_default, excluded, followed_by, target_at, after_member, written) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)", d.brandId(), d.eventId(), d.kind().key(), d.threadType(),
            d.threadId(), d.linkPath(), NotificationStore.json(d.params()), d.at(), targetsJson(targets), String.join(",", levels),
            brandDefault.key(), join(skip), followedBy);
        return step(c, new Job(id, d, targets, levels, brandDefault, skip, followedBy, 0, 0), d.at()).written();
    }

    /** Writes the next chunk of the oldest unfinished job no other node holds; empty when there is none. */
    Optional<Step> next(Connection c, Instant now) {
        List<Job> jobs = Sql.claim(c, COLUMNS, "ntf_fanout", "done_at IS NULL", "id", 1, FanOuts::job);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(step(c, jobs.get(0), now));
    }

    /** Forgets the jobs finished before {@code before}. @return how many */
    int purge(Connection c, Instant before) {
        return Sql.update(c, "DELETE FROM ntf_fanout WHERE done_at < ?", before);
    }

    private Step step(Connection c, Job j, Instant now) {
        Draft d = j.draft();
        Target t = j.target();
        // a range of ntf_follow_member_ix in its order
        List<Long> members = Sql.list(c, "SELECT member_id FROM ntf_follow WHERE brand_id = ? AND target_type = ? "
            + "AND target_key = ? AND member_id > ? AND created_at <= ? AND level IN (" + marks(j.levels()) + ") "
            + "ORDER BY brand_id, target_type, target_key, member_id LIMIT ?", rs -> rs.getLong(1),
            flat(List.of(d.brandId(), t.type(), t.key(), j.afterMember(), j.followedBy()), j.levels(), List.of(chunk)));
        int written = members.isEmpty() ? 0 : write(c, j, members.get(members.size() - 1));
        boolean targetDone = members.size() < chunk;
        int targetAt = targetDone ? j.targetAt() + 1 : j.targetAt();
        long after = targetDone ? 0 : members.get(members.size() - 1);
        boolean done = targetAt == j.targets().size();
        Sql.update(c, "UPDATE ntf_fanout SET target_at = ?, after_member = ?, written = written + ?, done_at = ? WHERE id = ?",
            targetAt, after, written, done ? now : null, j.id());
        return new Step(d.eventId(), d.kind(), written, done);
    }

    /** The notifications of the followers of the job's current target in (after_member, upTo], in one statement. */
    private static int write(Connection c, Job j, long upTo) {
        Draft d = j.draft();
        Target t = j.target();
        List<Object> muted = new ArrayList<>();
        addTargets(muted, j.targets());
        Object[] params = flat(List.of(d.brandId(), d.kind().key(), d.eventId(), d.threadType(), d.threadId(),
            d.linkPath(), NotificationStore.json(d.params()), d.at(), j.brandDefault().key(), d.brandId(), t.type(), t.key(),
            j.afterMember(), upTo, j.followedBy()), j.levels(), List.of(d.kind().key()), List.copyOf(j.excluded()), muted,
            List.of(d.eventId(), d.kind().key()));
        String notExcluded = j.excluded().isEmpty() ? "" : "f.member_id NOT IN (" + marks(List.copyOf(j.excluded())) + ") AND ";
        // not who muted any of the targets; not who has it already: told directly (the incident's author) or
        // reached through another of the targets. That probe is a count, not NOT EXISTS: PostgreSQL turns NOT EXISTS
        // into an anti-join, which, planned while the event had no rows yet, compared each chunk's members with every
        // row written so far (a fan-out of 100,000 took 165 s); the count is one lookup of ntf_notification_uk per member
        return Sql.update(c, "INSERT INTO ntf_notification (brand_id, recipient_id, kind, event_id, thread_type, thread_id, "
            + "link_path, params, created_at, email_state) SELECT CAST(? AS BIGINT), x.member_id, CAST(? AS VARCHAR(40)), "
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(20)), CAST(? AS BIGINT), CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(4000)), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), " + String.format(NotificationStore.EMAIL_STATE, "x.channel")
            + " FROM (SELECT f.member_id, COALESCE(p.channel, CAST(? AS VARCHAR(10))) AS channel FROM "
            + "(SELECT member_id FROM ntf_follow WHERE brand_id = ? AND target_type = ? AND target_key = ? AND member_id > ? "
            + "AND member_id <= ? AND created_at <= ? AND level IN (" + marks(j.levels()) + ")) f "
            + "LEFT JOIN ntf_preference p ON p.member_id = f.member_id AND p.kind = ? "
            + "WHERE " + notExcluded + "NOT EXISTS (SELECT 1 FROM ntf_follow m WHERE m.member_id = f.member_id "
            + "AND m.level = 'muted' AND (" + anyTarget(j.targets()) + ")) "
            + "AND (SELECT COUNT(*) FROM ntf_notification n WHERE n.recipient_id = f.member_id AND n.event_id = ? "
            + "AND n.kind = ?) = 0) x WHERE x.channel <> 'off'", params);
    }

    @SafeVarargs
    private static Object[] flat(List<?>... parts) {
        List<Object> out = new ArrayList<>();
        for (List<?> p : parts) {
            out.addAll(p);
        }
        return out.toArray();
    }

    private static String anyTarget(List<Target> targets) {
        return String.join(" OR ", targets.stream().map(t -> "(m.target_type = ? AND m.target_key = ?)").toList());
    }

    private static void addTargets(List<Object> params, List<Target> targets) {
        targets.forEach(t -> {
            params.add(t.type());
            params.add(t.key());
        });
    }

    private static String marks(List<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }

    private static String join(Set<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static String targetsJson(List<Target> targets) {
        try {
            return JSON.writeValueAsString(targets.stream().map(t -> List.of(t.type(), t.key())).toList());
        } catch (Exception e) {
            throw new IllegalArgumentException("unwritable fan-out targets", e);
        }
    }

    private static Job job(ResultSet rs) throws SQLException {
        try {
            Map<String, Object> params = JSON.readValue(rs.getString("params"), new TypeReference<Map<String, Object>>() { });
            List<Target> targets = JSON.readValue(rs.getString("targets"), new TypeReference<List<List<String>>>() { }).stream()
                .map(t -> new Target(t.get(0), t.get(1))).toList();
            String excluded = rs.getString("excluded");
            Set<Long> skip = new TreeSet<>();
            if (!excluded.isEmpty()) {
                Arrays.stream(excluded.split(",")).map(Long::valueOf).forEach(skip::add);
            }
            Draft d = new Draft(rs.getLong("brand_id"), Kind.of(rs.getString("kind")), rs.getLong("event_id"),
                rs.getString("thread_type"), rs.getLong("thread_id"), rs.getString("link_path"), params,
                Sql.instant(rs, "created_at"));
            return new Job(rs.getLong("id"), d, targets, List.of(rs.getString("levels").split(",")),
                Channel.of(rs.getString("brand_default")), skip, Sql.instant(rs, "followed_by"), rs.getInt("target_at"),
                rs.getLong("after_member"));
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable fan-out job " + rs.getLong("id"), e);
        }
    }
}
