package org.entraide.moderation.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.entraide.api.event.EventLog;
import org.entraide.api.moderation.AppealDecided;
import org.entraide.api.moderation.AppealFiled;
import org.entraide.api.moderation.SanctionImposed;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Publications;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.moderation.internal.store.Audit;
import org.entraide.jdbc.Sql;

/**
 * Sanctions (warning, silence, suspension) with a mandatory reason and escalating default durations (24 h, 72 h,
 * 7 days, 30 days, by the member's previous silences and suspensions), enforced by the submission step; and
 * appeals, one per review decision or sanction, within 14 days, decided by another moderator: an overturned
 * rejection publishes the post again, an overturned sanction is lifted.
 */
public final class Sanctions {
    public static final List<String> KINDS = List.of("WARNING", "SILENCE", "SUSPENSION");
    static final List<Duration> ESCALATION = List.of(Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7),
        Duration.ofDays(30));
    static final Duration APPEAL_WITHIN = Duration.ofDays(14);

    /** A sanction, as listed. */
    public record Sanction(long id, long userId, String kind, String reason, Instant startsAt, Instant endsAt, long createdBy,
                           Instant liftedAt) {
    }

    private final Transactions tx;
    private final Publications publications;
    private final Platform platform;
    private final Audit audit;
    private final Clock clock;
    /** Sanctions and appeals are told to those concerned (notifications) through events. */
    private final EventLog events;

    public Sanctions(Transactions tx, EventLog events, Publications publications, Platform platform, Audit audit, Clock clock) {
        this.tx = tx;
        this.events = events;
        this.publications = publications;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
    }

    public Sanction impose(Caller moderator, long brandId, long userId, String kind, String reason, Long hours) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.invalid("kind", "one of " + KINDS);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", "required, at most 500 characters");
        }
        if (hours != null && (hours < 1 || hours > 24 * 366)) {
            throw ProblemException.invalid("hours", "from 1 to 8784");
        }
        return tx.inTransaction(c -> {
            if (platform.members().member(c, brandId, userId).isEmpty()) {
                throw ProblemException.notFound("no member " + userId);
            }
            // to the millisecond, as stored: the times answered now are those read later
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Instant ends = null;
            if (!kind.equals("WARNING")) {
                long previous = Sql.count(c, "SELECT COUNT(*) FROM moderation_sanction WHERE brand_id = ? AND user_id = ? "
                    + "AND kind <> 'WARNING' AND lifted_at IS NULL", brandId, userId);
                Duration d = hours != null ? Duration.ofHours(hours)
                    : ESCALATION.get((int) Math.min(previous, ESCALATION.size() - 1));
                ends = now.plus(d);
            }
            long id = Sql.insert(c, "INSERT INTO moderation_sanction (brand_id, user_id, kind, reason, starts_at, ends_at, "
                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)", brandId, userId, kind, reason, now, ends, moderator.userId());
            audit.record(c, brandId, moderator.userId(), "SANCTION", null, kind + ": " + reason, null, null, now);
            // a warning has no end: a null field, left out of the payload
            events.append(c, brandId, moderator.userId(), userId, new SanctionImposed(id, userId, kind, reason,
                ends == null ? null : ends.toString()));
            return new Sanction(id, userId, kind, reason, now, ends, moderator.userId(), null);
        });
    }

    public List<Sanction> of(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT id, user_id, kind, reason, starts_at, ends_at, created_by, lifted_at FROM moderation_sanction "
            + "WHERE brand_id = ? AND user_id = ? ORDER BY id", rs -> new Sanction(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), rs.getLong(7),
                Sql.instant(rs, "lifted_at")), brandId, userId);
    }

    /** The silence or suspension in force for the member, if any. */
    /**
     * Refuses (403 {@code sanctioned}, with the kind, the end and the reason) a member who may not do this: a
     * silenced member may not post or write, a suspended one may do nothing; {@code writing} is false for votes and
     * flags.
     */
    public void requireAllowed(Connection c, long brandId, long userId, boolean writing, Instant now) {
        var sanction = active(c, brandId, userId, now);
        if (sanction.isPresent() && (writing || sanction.get().kind().equals("SUSPENSION"))) {
            String until = sanction.get().endsAt().toString();
            throw new ProblemException(403, "sanctioned", "Sanctioned",
                "you cannot post until " + until + " / vous ne pouvez pas publier avant le " + until, null,
                Map.of("kind", sanction.get().kind(), "until", until, "reason", sanction.get().reason()));
        }
    }

    public Optional<Sanction> active(Connection c, long brandId, long userId, Instant now) {
        return of(c, brandId, userId).stream().filter(s -> !s.kind().equals("WARNING") && s.liftedAt() == null
            && s.endsAt() != null && s.endsAt().isAfter(now)).reduce((a, b) -> a.endsAt().isAfter(b.endsAt()) ? a : b);
    }

    /** An appeal of the author of a rejected post (subject ITEM) or of a sanctioned member (SANCTION). */
    public long appeal(Caller member, long brandId, String subject, long refId, String statement) {
        if (statement == null || statement.isBlank() || statement.length() > 2000) {
            throw ProblemException.invalid("statement", "required, at most 2000 characters");
        }
        return tx.inTransaction(c -> {
            Object[] ref = reference(c, brandId, subject, refId);
            if ((long) ref[0] != member.userId()) {
                throw ProblemException.forbidden("only the member concerned appeals");
            }
            Instant now = clock.instant();
            if (((Instant) ref[1]).plus(APPEAL_WITHIN).isBefore(now)) {
                throw ProblemException.conflict("appeals are made within 14 days");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM moderation_appeal WHERE subject = ? AND ref_id = ?", subject, refId) > 0) {
                throw ProblemException.conflict("this decision was already appealed");
            }
            long id = Sql.insert(c, "INSERT INTO moderation_appeal (brand_id, subject, ref_id, appellant_id, statement, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", brandId, subject, refId, member.userId(), statement, now);
            audit.record(c, brandId, member.userId(), "APPEAL", (Long) ref[3], subject + " " + refId, null, null, now);
            // no actor and no appellant: the appeal of a rejected complaint must not tie the complaint to its author
            events.append(c, brandId, null, id, new AppealFiled(id, subject));
            return id;
        });
    }

    /** Decides an appeal: overturn or uphold, by a moderator other than the one whose decision is appealed. */
    public Map<String, Object> decideAppeal(Caller moderator, long brandId, long appealId, boolean overturn, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", "required, at most 500 characters");
        }
        return tx.inTransaction(c -> {
            Object[] a = Sql.one(c, "SELECT subject, ref_id, decided_at, appellant_id FROM moderation_appeal WHERE id = ? "
                + "AND brand_id = ? FOR UPDATE", rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getObject(3), rs.getLong(4)},
                appealId, brandId)
                .orElseThrow(() -> ProblemException.notFound("no appeal " + appealId));
            if (a[2] != null) {
                throw ProblemException.conflict("appeal " + appealId + " is already decided");
            }
            Object[] ref = reference(c, brandId, (String) a[0], (Long) a[1]);
            if ((long) ref[2] == moderator.userId()) {
                throw ProblemException.forbidden("another moderator decides the appeal of your decision");
            }
            Instant now = clock.instant();
            if (overturn) {
                if (a[0].equals("ITEM")) {
                    publications.change(brandId, (Long) ref[3], PublicationState.PUBLISHED, moderator.userId(), "appeal granted");
                    Sql.update(c, "UPDATE moderation_item SET decision = 'OVERTURNED' WHERE id = ?", a[1]);
                } else {
                    Sql.update(c, "UPDATE moderation_sanction SET lifted_at = ?, lift_reason = ? WHERE id = ?", now, reason, a[1]);
                }
            }
            String outcome = overturn ? "OVERTURNED" : "UPHELD";
            Sql.update(c, "UPDATE moderation_appeal SET decided_by = ?, decided_at = ?, outcome = ?, reason = ? WHERE id = ?",
                moderator.userId(), now, outcome, reason, appealId);
            audit.record(c, brandId, moderator.userId(), "APPEAL_" + outcome, (Long) ref[3], reason, null, null, now);
            events.append(c, brandId, moderator.userId(), appealId, new AppealDecided(appealId, (String) a[0], outcome,
                reason, (Long) a[3]));
            return Map.of("appealId", appealId, "outcome", outcome);
        });
    }

    /** {member concerned, when decided, who decided, post id or null} of an appealable decision. */
    private Object[] reference(Connection c, long brandId, String subject, long refId) {
        if (subject.equals("ITEM")) {
            Object[] item = Sql.one(c, "SELECT i.post_id, i.decided_at, i.decided_by FROM moderation_item i "
                + "WHERE i.id = ? AND i.brand_id = ? AND i.decision = 'REJECTED'",
                rs -> new Object[] {rs.getLong(1), Sql.instant(rs, "decided_at"), rs.getLong(3)}, refId, brandId).orElse(null);
            Long author = item == null ? null
                : platform.posts().post(c, brandId, (Long) item[0]).map(p -> p.authorId()).orElse(null);
            if (author == null) {
                throw ProblemException.notFound("no rejection " + refId + " to appeal");
            }
            return new Object[] {author, item[1], item[2], item[0]};
        }
        if (subject.equals("SANCTION")) {
            return Sql.one(c, "SELECT user_id, starts_at, created_by FROM moderation_sanction WHERE id = ? AND brand_id = ? "
                + "AND lifted_at IS NULL", rs -> new Object[] {rs.getLong(1), Sql.instant(rs, "starts_at"), rs.getLong(3), null},
                refId, brandId).orElseThrow(() -> ProblemException.notFound("no sanction " + refId + " to appeal"));
        }
        throw ProblemException.invalid("subject", "ITEM or SANCTION");
    }
}
