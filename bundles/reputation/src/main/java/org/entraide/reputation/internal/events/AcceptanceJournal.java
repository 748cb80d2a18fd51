package org.entraide.reputation.internal.events;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;


/**
 * The accepted answer of each question ({@code reputation_acceptance}), kept from the acceptance events, with
 * the same guard against a redelivered event as {@link VoteJournal}: the core serializes accepts on a question.
 */
public final class AcceptanceJournal {
    /** A question's acceptance; answerId null once unaccepted. */
    public record Acceptance(long questionId, long brandId, Long answerId, Long answerAuthorId, long questionAuthorId,
                             long eventId, Instant acceptedAt) {
    }

    private static final String COLUMNS = "question_id, brand_id, answer_id, answer_author_id, question_author_id, "
        + "event_id, accepted_at";

    public Optional<Acceptance> find(Connection c, long questionId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM reputation_acceptance WHERE question_id = ?",
            AcceptanceJournal::map, questionId);
    }

    public boolean isNew(Connection c, long questionId, long eventId) {
        return find(c, questionId).map(a -> a.eventId() < eventId).orElse(true);
    }

    public void record(Connection c, Acceptance a) {
        int n = Sql.update(c, "UPDATE reputation_acceptance SET answer_id = ?, answer_author_id = ?, event_id = ?, "
            + "accepted_at = ? WHERE question_id = ?", a.answerId(), a.answerAuthorId(), a.eventId(), a.acceptedAt(),
            a.questionId());
        if (n == 0) {
            Sql.update(c, "INSERT INTO reputation_acceptance (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                a.questionId(), a.brandId(), a.answerId(), a.answerAuthorId(), a.questionAuthorId(), a.eventId(),
                a.acceptedAt());
        }
    }

    /** The brand's standing acceptances, oldest first: what a recomputation scores. */
    public List<Acceptance> standing(Connection c, long brandId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_acceptance WHERE brand_id = ? AND answer_id IS NOT NULL "
            + "ORDER BY accepted_at, event_id", AcceptanceJournal::map, brandId);
    }

    static Acceptance map(ResultSet rs) throws SQLException {
        return new Acceptance(rs.getLong("question_id"), rs.getLong("brand_id"), Sql.nullableLong(rs, "answer_id"),
            Sql.nullableLong(rs, "answer_author_id"), rs.getLong("question_author_id"), rs.getLong("event_id"),
            Sql.instant(rs, "accepted_at"));
    }
}
