package org.entraide.core.internal.user;

import java.time.Instant;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * A member's public profile: their pseudonym, since when they belong to the community, and their published
 * questions and answers. Complaints never appear here: a complaint's author stays anonymous unless they chose
 * otherwise on that complaint.
 */
public final class Profiles {
    private static final int RECENT = 10;

    private final Database db;

    public Profiles(Database db) {
        this.db = db;
    }

    /** {@code bio}: what the member wrote about themselves, plain text, or null. */
    public record Profile(long id, String pseudonym, Instant memberSince, String bio, long questions, long answers,
                          long acceptedAnswers, List<Activity> recent) {
    }

    /** A published question or answer; for an answer, {@code title} and {@code questionId} are its question's. */
    public record Activity(long postId, String type, String title, long questionId, int score, boolean accepted, Instant createdAt) {
    }

    public Profile of(Brand brand, long userId) {
        return db.inTransaction(c -> {
            var member = Sql.one(c, "SELECT pseudonym, created_at, bio FROM app_user WHERE brand_id = ? AND id = ?",
                rs -> new Object[] {rs.getString(1), Sql.instant(rs, "created_at"), rs.getString(3)}, brand.id(), userId)
                .orElseThrow(() -> ProblemException.notFound("no member " + userId + " in " + brand.slug()));
            String published = "p.brand_id = ? AND p.author_id = ? AND p.publication = 'PUBLISHED' AND p.deleted_at IS NULL ";
            long questions = Sql.count(c, "SELECT COUNT(*) FROM post p WHERE " + published + "AND p.post_type = 'QUESTION'",
                brand.id(), userId);
            long answers = Sql.count(c, "SELECT COUNT(*) FROM post p JOIN post q ON q.id = p.parent_id WHERE " + published
                + "AND p.post_type = 'ANSWER' AND q.publication = 'PUBLISHED'", brand.id(), userId);
            long accepted = Sql.count(c, "SELECT COUNT(*) FROM post p JOIN post q ON q.accepted_answer_id = p.id WHERE "
                + published + "AND p.post_type = 'ANSWER' AND q.publication = 'PUBLISHED'", brand.id(), userId);
            List<Activity> recent = Sql.list(c, "SELECT p.id, p.post_type, COALESCE(q.title, p.title) AS title, "
                + "COALESCE(q.id, p.id) AS question_id, p.score, q.accepted_answer_id, p.created_at FROM post p "
                + "LEFT JOIN post q ON q.id = p.parent_id WHERE " + published + "AND p.post_type IN ('QUESTION', 'ANSWER') "
                + "AND (q.id IS NULL OR q.publication = 'PUBLISHED') ORDER BY p.created_at DESC, p.id DESC LIMIT " + RECENT,
                rs -> new Activity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                    rs.getLong(6) == rs.getLong(1), Sql.instant(rs, "created_at")), brand.id(), userId);
            return new Profile(userId, (String) member[0], (Instant) member[1], (String) member[2], questions, answers, accepted,
                recent);
        });
    }
}
