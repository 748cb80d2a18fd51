package org.entraide.core.internal.post;

import java.util.ArrayList;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.api.web.Cursor;
import org.entraide.core.internal.paging.CursorPage;
import org.entraide.core.internal.paging.Keyset;
import org.entraide.core.internal.paging.ListRequest;

/**
 * The public, filtered list of published questions, paged by keyset: each sort is an index of the post table
 * (V8, V17), read as a range after the cursor of the previous page.
 */
public final class QuestionQueries {
    /** Filters of the question list; null means "any". */
    public record Filter(String topic, String tag, String status, String text, String sort, String store) {
    }

    private final Database db;

    public QuestionQueries(Database db) {
        this.db = db;
    }

    public CursorPage<Views.QuestionSummary> list(Brand brand, Filter f, ListRequest page) {
        StringBuilder where = new StringBuilder(" FROM post p WHERE p.brand_id = ? AND p.post_type = ? AND p.publication = ? AND p.deleted_at IS NULL");
        List<Object> params = new ArrayList<>(List.of(brand.id(), PostType.QUESTION.name(), PublicationState.PUBLISHED.name()));
        if (f.topic() != null) {
            where.append(" AND p.topic_id = (SELECT t.id FROM topic t WHERE t.brand_id = ? AND t.slug = ?)");
            params.add(brand.id());
            params.add(f.topic());
        }
        if (f.store() != null) {
            where.append(" AND p.store_id = (SELECT s.id FROM store s WHERE s.brand_id = ? AND s.code = ?)");
            params.add(brand.id());
            params.add(f.store());
        }
        if (f.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM post_tag g WHERE g.post_id = p.id AND g.tag = ?)");
            params.add(f.tag());
        }
        if (f.status() != null) {
            switch (f.status()) {
                // a duplicate sends readers to its original: it waits for no answer of its own
                case "unanswered" -> where.append(" AND p.answer_count = 0 AND p.duplicate_of IS NULL");
                case "answered" -> where.append(" AND p.answer_count > 0");
                case "accepted" -> where.append(" AND p.accepted_answer_id IS NOT NULL");
                default -> throw ProblemException.invalid("status", "one of unanswered, answered, accepted");
            }
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" AND ").append(db.dialect().containsIgnoreCase("p.title"));
            params.add("%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String sort = f.sort() == null ? "recent" : f.sort();
        Keyset keyset = switch (sort) {
            case "recent" -> Keyset.byTime("p.created_at", "p.id");
            case "score" -> Keyset.byNumber("p.score", "p.id");
            case "active" -> Keyset.byTime("p.updated_at", "p.id");
            default -> throw ProblemException.invalid("sort", "one of recent, score, active");
        };
        // a cursor goes on the list it came from only: the same brand, sort and filters
        String scope = String.join("|", "questions", sort, String.valueOf(f.topic()), String.valueOf(f.tag()),
            String.valueOf(f.status()), String.valueOf(f.text()), String.valueOf(f.store()));
        List<Object> paged = new ArrayList<>(params);
        String after = page.after() == null ? ""
            : keyset.after(Cursor.decode(page.after(), brand.id(), scope), paged);
        String order = keyset.orderAndLimit(page, paged);
        return db.inTransaction(c -> {
            Long total = page.page() == null ? null : Sql.count(c, "SELECT COUNT(*)" + where, params.toArray());
            List<PostRow> rows = Sql.list(c, "SELECT " + prefixed() + where + after + order, PostRow::map, paged.toArray());
            return Keyset.page(rows, page, total, q -> switch (sort) {
                case "score" -> Cursor.after(q.score(), q.id());
                case "active" -> Cursor.after(q.updatedAt(), q.id());
                default -> Cursor.after(q.createdAt(), q.id());
            }, brand.id(), scope, q -> new Views.QuestionSummary(q.id(), q.title(), Views.excerpt(q.body()),
                QuestionService.topicRef(c, q.topicId()), ComplaintService.storeRef(c, q.storeId()),
                Sql.list(c, "SELECT tag FROM post_tag WHERE post_id = ? ORDER BY tag", rs -> rs.getString(1), q.id()),
                Authors.of(c, q.authorId()), q.official(), q.score(), q.answerCount(), q.answerCount() > 0,
                q.acceptedAnswerId(), q.publication().name(), q.createdAt()));
        });
    }

    private static String prefixed() {
        return "p." + PostRow.COLUMNS.replace(", ", ", p.");
    }
}
