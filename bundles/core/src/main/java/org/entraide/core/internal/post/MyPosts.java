package org.entraide.core.internal.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.paging.Page;
import org.entraide.core.internal.paging.PageRequest;
import org.entraide.jdbc.Sql;

/**
 * A member's own questions, answers or complaints, newest first, whatever their publication (their author sees what
 * awaits review or was refused, with its state); deleted ones are left out. Nobody else's: the caller is the author.
 */
public final class MyPosts {
    /**
     * {@code questionId}: the question an answer belongs to (its own id for a question); {@code title}: for an answer,
     * its question's; {@code status}: a complaint's status, null for questions and answers.
     */
    public record MyPost(long id, String type, long questionId, String title, String publication, String status,
                         int score, int answerCount, boolean accepted, Views.StoreRef store, Instant createdAt) {
    }

    private final Database db;

    public MyPosts(Database db) {
        this.db = db;
    }

    public Page<MyPost> of(Brand brand, long userId, String type, PageRequest page) {
        PostType postType = switch (type == null ? "" : type) {
            case "question" -> PostType.QUESTION;
            case "answer" -> PostType.ANSWER;
            case "complaint" -> PostType.COMPLAINT;
            default -> throw ProblemException.invalid("type", "one of question, answer, complaint");
        };
        String where = " FROM post p LEFT JOIN post q ON q.id = p.parent_id"
            + " WHERE p.brand_id = ? AND p.author_id = ? AND p.post_type = ? AND p.deleted_at IS NULL";
        boolean answers = postType == PostType.ANSWER;
        return db.inTransaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*)" + where, brand.id(), userId, postType.name());
            List<MyPost> items = new ArrayList<>();
            for (Row r : Sql.list(c, "SELECT p.id, p.parent_id, p.title, q.title AS question_title, p.publication,"
                    + " p.complaint_status, p.score, p.answer_count, p.accepted_answer_id, q.accepted_answer_id AS question_accepted,"
                    + " p.store_id, p.created_at" + where + " ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?",
                    Row::map, brand.id(), userId, postType.name(), page.size(), page.offset())) {
                boolean accepted = answers ? Long.valueOf(r.id).equals(r.questionAccepted) : r.accepted != null;
                items.add(new MyPost(r.id, postType.name().toLowerCase(Locale.ROOT), answers ? r.parentId : r.id,
                    answers ? r.questionTitle : r.title, r.publication, r.status, r.score, r.answerCount, accepted,
                    ComplaintService.storeRef(c, r.storeId), r.createdAt));
            }
            return new Page<>(items, total, page);
        });
    }

    private record Row(long id, Long parentId, String title, String questionTitle, String publication, String status,
                       int score, int answerCount, Long accepted, Long questionAccepted, Long storeId, Instant createdAt) {
        static Row map(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), Sql.nullableLong(rs, "parent_id"), rs.getString("title"),
                rs.getString("question_title"), rs.getString("publication"), rs.getString("complaint_status"),
                rs.getInt("score"), rs.getInt("answer_count"), Sql.nullableLong(rs, "accepted_answer_id"),
                Sql.nullableLong(rs, "question_accepted"), Sql.nullableLong(rs, "store_id"), Sql.instant(rs, "created_at"));
        }
    }
}
