package org.entraide.core.internal.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.paging.Items;
import org.entraide.jdbc.Sql;

/**
 * The members who answer most in a topic or under a tag: published answers of members (staff's official answers
 * are the brand's, not a member's contribution) to published questions, accepted ones first. A topic's experts,
 * as the badges plugin decides them, are marked.
 */
public final class Contributors {
    /** At most this many contributors: a page shows the leaders, not a ranking. */
    public static final int LIMIT = 10;

    public record Contributor(long id, String pseudonym, int answers, int acceptedAnswers, boolean expert) {
    }

    private final Database db;
    private final Experts experts;

    public Contributors(Database db, Experts experts) {
        this.db = db;
        this.experts = experts;
    }

    /** {@code topic} (a slug) and {@code tag} narrow the questions counted; null means any. */
    public Items<Contributor> of(Brand brand, String topic, String tag) {
        StringBuilder sql = new StringBuilder("SELECT a.author_id, u.pseudonym, COUNT(*),"
            + " SUM(CASE WHEN q.accepted_answer_id = a.id THEN 1 ELSE 0 END)"
            + " FROM post a JOIN post q ON q.id = a.parent_id JOIN app_user u ON u.id = a.author_id"
            + " WHERE q.brand_id = ? AND q.post_type = ? AND q.publication = ? AND q.deleted_at IS NULL"
            + " AND a.post_type = ? AND a.publication = ? AND a.deleted_at IS NULL AND a.official = FALSE");
        List<Object> params = new ArrayList<>(List.of(brand.id(), PostType.QUESTION.name(), PublicationState.PUBLISHED.name(),
            PostType.ANSWER.name(), PublicationState.PUBLISHED.name()));
        if (topic != null) {
            sql.append(" AND q.topic_id = (SELECT t.id FROM topic t WHERE t.brand_id = ? AND t.slug = ?)");
            params.add(brand.id());
            params.add(topic);
        }
        if (tag != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM post_tag g WHERE g.post_id = q.id AND g.tag = ?)");
            params.add(tag);
        }
        sql.append(" GROUP BY a.author_id, u.pseudonym ORDER BY 4 DESC, 3 DESC, a.author_id LIMIT ").append(LIMIT);
        return db.inTransaction(c -> {
            List<long[]> counts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Sql.list(c, sql.toString(), rs -> {
                counts.add(new long[] {rs.getLong(1), rs.getLong(3), rs.getLong(4)});
                names.add(rs.getString(2));
                return null;
            }, params.toArray());
            Long topicId = topic == null ? null
                : Sql.one(c, "SELECT id FROM topic WHERE brand_id = ? AND slug = ?", rs -> rs.getLong(1), brand.id(), topic)
                    .orElse(null);
            Set<Long> marked = experts.among(brand.id(), topicId, counts.stream().map(r -> r[0]).toList());
            List<Contributor> out = new ArrayList<>();
            for (int i = 0; i < counts.size(); i++) {
                long[] r = counts.get(i);
                out.add(new Contributor(r[0], names.get(i), (int) r[1], (int) r[2], marked.contains(r[0])));
            }
            return new Items<>(out);
        });
    }
}
