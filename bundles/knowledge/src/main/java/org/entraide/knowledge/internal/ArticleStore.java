package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.entraide.jdbc.Sql;

/** The {@code kn_article} and {@code kn_article_version} rows: every write keeps the version it makes. */
final class ArticleStore {
    private static final String COLUMNS = "id, brand_id, title, body, body_html, topic_id, tags, language, store_ids, "
        + "regions, status, deleted, version, owner_id, contributor_id, source_post_id, source_thread_id, verified_at, "
        + "verified_by, review_on, created_at, updated_at";

    /** Where a new article comes from: a staff member alone, or a promoted post. */
    record Origin(long ownerId, Long contributorId, Long sourcePostId, Long sourceThreadId) {
    }

    long insert(Connection c, long brandId, Article.Content content, Origin origin, boolean verified, long editorId,
                Instant now) {
        long id = Sql.insert(c, "INSERT INTO kn_article (brand_id, title, body, body_html, topic_id, tags, language, "
                + "store_ids, regions, status, deleted, version, owner_id, contributor_id, source_post_id, source_thread_id, "
                + "verified_at, verified_by, review_on, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            brandId, content.title(), content.body(), content.bodyHtml(), content.topicId(), join(content.tags()),
            content.language(), join(content.storeIds()), join(content.regions()), content.status().name(),
            origin.ownerId(), origin.contributorId(), origin.sourcePostId(), origin.sourceThreadId(),
            verified ? now : null, verified ? editorId : null, content.reviewOn(), now,
            now);
        version(c, id, 1, content, verified, editorId, now);
        return id;
    }

    /** The next version; a verified edit stamps it, any other clears the stamp (the new text was not verified). */
    int update(Connection c, Article a, Article.Content content, Long ownerId, boolean verified, long editorId, Instant now) {
        int next = a.version() + 1;
        Sql.update(c, "UPDATE kn_article SET title = ?, body = ?, body_html = ?, topic_id = ?, tags = ?, language = ?, "
                + "store_ids = ?, regions = ?, status = ?, version = ?, owner_id = ?, verified_at = ?, verified_by = ?, "
                + "review_on = ?, updated_at = ? WHERE id = ?",
            content.title(), content.body(), content.bodyHtml(), content.topicId(), join(content.tags()), content.language(),
            join(content.storeIds()), join(content.regions()), content.status().name(), next,
            ownerId == null ? a.ownerId() : ownerId, verified ? now : null, verified ? editorId : null,
            content.reviewOn(), now, a.id());
        version(c, a.id(), next, content, verified, editorId, now);
        return next;
    }

    void delete(Connection c, long id, Instant now) {
        Sql.update(c, "UPDATE kn_article SET deleted = TRUE, updated_at = ? WHERE id = ?", now, id);
    }

    private void version(Connection c, long id, int version, Article.Content content, boolean verified, long editorId,
                         Instant now) {
        Sql.update(c, "INSERT INTO kn_article_version (article_id, version, title, body, body_html, topic_id, tags, "
                + "language, store_ids, regions, status, verified, editor_id, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            id, version, content.title(), content.body(), content.bodyHtml(), content.topicId(), join(content.tags()),
            content.language(), join(content.storeIds()), join(content.regions()), content.status().name(), verified,
            editorId, now);
    }

    /** The brand's article, deleted ones too (callers decide); empty for another brand's. */
    Optional<Article> find(Connection c, long brandId, long id) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM kn_article WHERE id = ? AND brand_id = ?", ArticleStore::article,
            id, brandId);
    }

    Optional<Article> bySourcePost(Connection c, long brandId, long postId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM kn_article WHERE brand_id = ? AND source_post_id = ?",
            ArticleStore::article, brandId, postId);
    }

    /** What a list shows: the filters given (null: any), newest change first. */
    record Filter(long brandId, Article.Status status, Long topicId, String tag, String language, Long storeId,
                  Long threadId) {
    }

    List<Article> list(Connection c, Filter f, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(limit);
        params.add(offset);
        return Sql.list(c, "SELECT " + COLUMNS + " FROM kn_article WHERE " + where
            + " ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?", ArticleStore::article, params.toArray());
    }

    long count(Connection c, Filter f) {
        List<Object> params = new ArrayList<>();
        return Sql.count(c, "SELECT COUNT(*) FROM kn_article WHERE " + where(f, params), params.toArray());
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder("brand_id = ? AND deleted = FALSE");
        params.add(f.brandId());
        if (f.status() != null) {
            w.append(" AND status = ?");
            params.add(f.status().name());
        }
        if (f.topicId() != null) {
            w.append(" AND topic_id = ?");
            params.add(f.topicId());
        }
        if (f.language() != null) {
            w.append(" AND language = ?");
            params.add(f.language());
        }
        if (f.threadId() != null) {
            w.append(" AND source_thread_id = ?");
            params.add(f.threadId());
        }
        // lists are stored between commas (",a,b,"), so that one LIKE finds a whole element
        if (f.tag() != null) {
            w.append(" AND tags LIKE ?");
            params.add("%," + f.tag() + ",%");
        }
        if (f.storeId() != null) {
            w.append(" AND (store_ids = ',' OR store_ids LIKE ?)");
            params.add("%," + f.storeId() + ",%");
        }
        return w.toString();
    }

    /** The published articles above an id, for indexes. */
    List<Article> published(Connection c, long brandId, long afterId, int limit) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM kn_article WHERE brand_id = ? AND id > ? AND status = 'PUBLISHED' "
            + "AND deleted = FALSE ORDER BY id LIMIT ?", ArticleStore::article, brandId, afterId, limit);
    }

    /** Owned by {@code ownerId} (null: anyone's), not deleted, due on or before {@code day}; oldest due first. */
    List<Article> dueForReview(Connection c, long brandId, Long ownerId, LocalDate day, int limit, long offset) {
        return ownerId == null
            ? Sql.list(c, "SELECT " + COLUMNS + " FROM kn_article WHERE brand_id = ? AND deleted = FALSE AND review_on <= ? "
                + "ORDER BY review_on, id LIMIT ? OFFSET ?", ArticleStore::article, brandId, day, limit, offset)
            : Sql.list(c, "SELECT " + COLUMNS + " FROM kn_article WHERE brand_id = ? AND owner_id = ? AND deleted = FALSE "
                + "AND review_on <= ? ORDER BY review_on, id LIMIT ? OFFSET ?", ArticleStore::article, brandId, ownerId, day,
                limit, offset);
    }

    long countDueForReview(Connection c, long brandId, Long ownerId, LocalDate day) {
        return ownerId == null
            ? Sql.count(c, "SELECT COUNT(*) FROM kn_article WHERE brand_id = ? AND deleted = FALSE AND review_on <= ?",
                brandId, day)
            : Sql.count(c, "SELECT COUNT(*) FROM kn_article WHERE brand_id = ? AND owner_id = ? AND deleted = FALSE "
                + "AND review_on <= ?", brandId, ownerId, day);
    }

    /** Every brand's articles that reached their review date and were not announced for it yet. */
    List<Article> reviewsToAnnounce(Connection c, LocalDate day, int limit) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM kn_article WHERE deleted = FALSE AND review_on <= ? "
            + "AND (review_due_sent IS NULL OR review_due_sent <> review_on) ORDER BY id LIMIT ?", ArticleStore::article,
            day, limit);
    }

    /** @return whether this call marked it: the row's lock lets one node of several announce it */
    boolean reviewAnnounced(Connection c, long id, LocalDate reviewOn) {
        return Sql.update(c, "UPDATE kn_article SET review_due_sent = ? WHERE id = ? AND (review_due_sent IS NULL "
            + "OR review_due_sent <> ?)", reviewOn, id, reviewOn) == 1;
    }

    /** One version as it was written. */
    record Version(int version, String title, String body, String bodyHtml, Long topicId, List<String> tags,
                   String language, Article.Status status, boolean verified, long editorId, Instant editedAt) {
    }

    List<Version> versions(Connection c, long articleId) {
        return Sql.list(c, "SELECT * FROM kn_article_version WHERE article_id = ? ORDER BY version DESC",
            ArticleStore::version, articleId);
    }

    Optional<Version> version(Connection c, long articleId, int version) {
        return Sql.one(c, "SELECT * FROM kn_article_version WHERE article_id = ? AND version = ?", ArticleStore::version,
            articleId, version);
    }

    List<Long> ownedBy(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT id FROM kn_article WHERE brand_id = ? AND (owner_id = ? OR contributor_id = ?) ORDER BY id",
            rs -> rs.getLong(1), brandId, userId, userId);
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getInt("version"), rs.getString("title"), rs.getString("body"), rs.getString("body_html"),
            Sql.nullableLong(rs, "topic_id"), split(rs.getString("tags")), rs.getString("language"),
            Article.Status.valueOf(rs.getString("status")), rs.getBoolean("verified"), rs.getLong("editor_id"),
            Sql.instant(rs, "edited_at"));
    }

    private static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("title"), rs.getString("body"),
            rs.getString("body_html"), Sql.nullableLong(rs, "topic_id"), split(rs.getString("tags")),
            rs.getString("language"), split(rs.getString("store_ids")).stream().map(Long::valueOf).toList(),
            split(rs.getString("regions")), Article.Status.valueOf(rs.getString("status")), rs.getBoolean("deleted"),
            rs.getInt("version"), rs.getLong("owner_id"), Sql.nullableLong(rs, "contributor_id"),
            Sql.nullableLong(rs, "source_post_id"), Sql.nullableLong(rs, "source_thread_id"),
            Sql.instant(rs, "verified_at"), Sql.nullableLong(rs, "verified_by"), rs.getObject("review_on", LocalDate.class),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    static String join(List<?> values) {
        return "," + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + (values.isEmpty() ? "" : ",");
    }

    static List<String> split(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
