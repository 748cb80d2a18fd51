package org.entraide.core.internal.privacy;

import java.sql.Connection;
import java.time.Instant;

import org.entraide.jdbc.Sql;

/**
 * A brand's privacy settings: its notice and terms (a URL and a version each), what becomes of an erased member's
 * public posts, and how long private complaint threads and logs are kept. A brand without a row has no terms and the
 * defaults.
 */
public final class PrivacyPolicies {
    /** Posts of an erased member stay, signed "former member"; or they are removed. */
    public enum ErasedPosts { KEEP, REMOVE }

    public static final int DEFAULT_THREAD_DAYS = 730;
    public static final int DEFAULT_LOG_DAYS = 90;

    /**
     * {@code threadDays}: how long a closed complaint's private thread is kept; {@code logDays}: sign-in addresses, e-mails
     * sent, exports. Null URL and version: no such document.
     */
    public record Policy(String noticeUrl, String noticeVersion, String termsUrl, String termsVersion,
                         ErasedPosts erasedPosts, int threadDays, int logDays) {
        public static Policy defaults() {
            return new Policy(null, null, null, null, ErasedPosts.KEEP, DEFAULT_THREAD_DAYS, DEFAULT_LOG_DAYS);
        }

        /** Whether members must accept terms to register. */
        public boolean hasTerms() {
            return termsVersion != null;
        }
    }

    public Policy of(Connection c, long brandId) {
        return Sql.one(c, "SELECT notice_url, notice_version, terms_url, terms_version, erased_posts, thread_days, log_days "
                + "FROM privacy_policy WHERE brand_id = ?", rs -> new Policy(rs.getString("notice_url"),
                rs.getString("notice_version"), rs.getString("terms_url"), rs.getString("terms_version"),
                ErasedPosts.valueOf(rs.getString("erased_posts")), rs.getInt("thread_days"), rs.getInt("log_days")), brandId)
            .orElse(Policy.defaults());
    }

    public void set(Connection c, long brandId, Policy p, Instant now) {
        Object[] values = {p.noticeUrl(), p.noticeVersion(), p.termsUrl(), p.termsVersion(), p.erasedPosts().name(),
            p.threadDays(), p.logDays(), now, brandId};
        if (Sql.update(c, "UPDATE privacy_policy SET notice_url = ?, notice_version = ?, terms_url = ?, terms_version = ?, "
                + "erased_posts = ?, thread_days = ?, log_days = ?, updated_at = ? WHERE brand_id = ?", values) == 0) {
            Sql.update(c, "INSERT INTO privacy_policy (notice_url, notice_version, terms_url, terms_version, erased_posts, "
                + "thread_days, log_days, updated_at, brand_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    /** Records that the member accepted this version of the brand's terms now. */
    public void consent(Connection c, long userId, String document, String version, Instant now) {
        Sql.update(c, "INSERT INTO privacy_consent (user_id, document, doc_version, accepted_at) VALUES (?, ?, ?, ?)",
            userId, document, version, now);
    }
}
