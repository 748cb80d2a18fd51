package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.jdbc.Sql;

/**
 * Askers who stopped at an article: an asker opened an article proposed while they typed a question and did not ask.
 * Counted once per article, asker and day, so that reloading the page counts nothing more, and added to the article's
 * count of the day ({@code kn_deflection_day}), which the reports read.
 */
final class Deflections {
    /** @return whether this asker was not counted yet today for this article */
    boolean count(Connection c, long brandId, long articleId, long askerId, LocalDate day) {
        if (Sql.count(c, "SELECT COUNT(*) FROM kn_deflection WHERE article_id = ? AND asker_id = ? AND seen_on = ?",
            articleId, askerId, day) > 0) {
            return false;
        }
        // a second request of the same asker at the same instant breaks the key: a 500 then, never a double count
        Sql.update(c, "INSERT INTO kn_deflection (brand_id, article_id, asker_id, seen_on) VALUES (?, ?, ?, ?)", brandId,
            articleId, askerId, day);
        // the day's count: two askers counted at the same instant both add theirs, whichever inserts the row
        if (addToDay(c, brandId, articleId, day) == 0
            && !Sql.insertUnlessPresent(c, "INSERT INTO kn_deflection_day (brand_id, seen_on, article_id, askers) "
                + "VALUES (?, ?, ?, 1)", brandId, day, articleId)) {
            addToDay(c, brandId, articleId, day);
        }
        return true;
    }

    private static int addToDay(Connection c, long brandId, long articleId, LocalDate day) {
        return Sql.update(c, "UPDATE kn_deflection_day SET askers = askers + 1 WHERE brand_id = ? AND seen_on = ? AND article_id = ?",
            brandId, day, articleId);
    }

    record PerArticle(long articleId, long askers) {
    }

    /** From {@code from} to {@code to} included: askers per article, most first. */
    List<PerArticle> perArticle(Connection c, long brandId, LocalDate from, LocalDate to, int limit) {
        return Sql.list(c, "SELECT article_id, SUM(askers) AS n FROM kn_deflection_day WHERE brand_id = ? AND seen_on >= ? "
                + "AND seen_on <= ? GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?",
            rs -> new PerArticle(rs.getLong(1), rs.getLong(2)), brandId, from, to, limit);
    }

    Map<String, Long> total(Connection c, long brandId, LocalDate from, LocalDate to) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("askers", Sql.count(c, "SELECT COALESCE(SUM(askers), 0) FROM kn_deflection_day WHERE brand_id = ? AND seen_on >= ? "
            + "AND seen_on <= ?", brandId, from, to));
        return out;
    }
}
