package org.entraide.core.internal.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * What a brand's sitemaps list: every public question, complaint, store, topic, tag and profile, with the time it
 * last changed. A store, topic, tag or profile changes with its public posts: its time is their latest; one with
 * none has no time (a store or topic without posts), or is not listed (a tag or a profile exists through them).
 */
public final class SitemapQueries {
    /** The sitemaps.org protocol's limit of URLs in one file. */
    public static final int MAX_SIZE = 50_000;
    public static final List<String> KINDS = List.of("question", "complaint", "store", "topic", "tag", "profile");

    /** {@code key}: the id, code, slug or tag the page's address is built from; {@code lastmod} may be null. */
    public record Entry(String key, Instant lastmod) {
    }

    /** How many entries a kind has, and the latest change among them (null when none). */
    public record Kind(String kind, long count, Instant lastmod) {
    }

    public record Kinds(List<Kind> items) {
    }

    public record Entries(List<Entry> items, long total, int page, int size) {
    }

    private static final String PUBLIC = "p.brand_id = ? AND p.publication = 'PUBLISHED' AND p.deleted_at IS NULL";

    private final Database db;

    public SitemapQueries(Database db) {
        this.db = db;
    }

    public Kinds kinds(Brand brand) {
        return db.inTransaction(c -> {
            List<Kind> kinds = new ArrayList<>();
            for (String kind : KINDS) {
                String sql = "SELECT COUNT(*) AS n, MAX(m) AS m FROM (" + select(kind) + ") x";
                kinds.add(Sql.one(c, sql, rs -> new Kind(kind, rs.getLong("n"), Sql.instant(rs, "m")), params(kind, brand))
                    .orElseThrow());
            }
            return new Kinds(kinds);
        });
    }

    /** One sitemap file's entries, in a stable order (ids, codes, slugs, tags). */
    public Entries entries(Brand brand, String kind, int page, int size) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.notFound("no sitemap of '" + kind + "'");
        }
        if (page < 1) {
            throw ProblemException.invalid("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return db.inTransaction(c -> {
            Object[] params = params(kind, brand);
            long total = Sql.count(c, "SELECT COUNT(*) FROM (" + select(kind) + ") x", params);
            List<Object> paged = new ArrayList<>(List.of(params));
            paged.add(size);
            paged.add((long) (page - 1) * size);
            List<Entry> items = Sql.list(c, "SELECT k, m FROM (" + select(kind) + ") x ORDER BY o, k LIMIT ? OFFSET ?",
                rs -> new Entry(rs.getString(1), Sql.instant(rs, "m")), paged.toArray());
            return new Entries(items, total, page, size);
        });
    }

    /** Each kind as rows {@code (k, m, o)}: the key, its last change, and what orders it. */
    private static String select(String kind) {
        return switch (kind) {
            case "question", "complaint" -> "SELECT CAST(p.id AS VARCHAR(20)) AS k, p.updated_at AS m, p.id AS o FROM post p WHERE "
                + PUBLIC + " AND p.post_type = ?";
            case "store" -> "SELECT s.code AS k, (SELECT MAX(p.updated_at) FROM post p WHERE p.store_id = s.id AND " + PUBLIC
                + " AND p.post_type IN ('QUESTION', 'COMPLAINT')) AS m, s.id AS o FROM store s WHERE s.brand_id = ?";
            case "topic" -> "SELECT t.slug AS k, (SELECT MAX(p.updated_at) FROM post p WHERE p.topic_id = t.id AND " + PUBLIC
                + " AND p.post_type = 'QUESTION') AS m, t.id AS o FROM topic t WHERE t.brand_id = ?";
            case "tag" -> "SELECT g.tag AS k, MAX(p.updated_at) AS m, 0 AS o FROM post_tag g JOIN post p ON p.id = g.post_id WHERE "
                + PUBLIC + " AND p.post_type = 'QUESTION' GROUP BY g.tag";
            case "profile" -> "SELECT CAST(p.author_id AS VARCHAR(20)) AS k, MAX(p.created_at) AS m, p.author_id AS o FROM post p WHERE "
                + PUBLIC + " AND p.post_type IN ('QUESTION', 'ANSWER') AND p.official = FALSE GROUP BY p.author_id";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Object[] params(String kind, Brand brand) {
        return switch (kind) {
            case "question" -> new Object[] {brand.id(), "QUESTION"};
            case "complaint" -> new Object[] {brand.id(), "COMPLAINT"};
            case "store", "topic" -> new Object[] {brand.id(), brand.id()};
            default -> new Object[] {brand.id()};
        };
    }
}
