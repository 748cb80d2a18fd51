package org.entraide.moderation.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.jdbc.Sql;

/**
 * Why the rules held a post, kept from the submission step (which runs before the post is stored and so has no id)
 * to the moment the post enters the review queue: keyed by author and a hash of the stored title and body.
 * A verdict not taken within a day is of a post that was never stored (its transaction rolled back) and is dropped.
 */
public final class HeldVerdicts {
    private static final Duration KEEP = Duration.ofDays(1);

    /** Records the rules that fired (rule set, rule, action) for the text as it will be stored. */
    public void record(Connection c, long brandId, long authorId, String title, String body, Verdict v, Instant now) {
        List<Map<String, String>> rules = v.fired().stream().map(f -> Map.of("ruleSet", f.ruleSet(), "rule", f.rule(),
            "action", f.action().name(), "en", f.reason().en(), "fr", f.reason().fr())).toList();
        String json;
        try {
            json = RuleSets.JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Sql.update(c, "DELETE FROM moderation_verdict WHERE created_at < ?", now.minus(KEEP));
        Sql.update(c, "INSERT INTO moderation_verdict (brand_id, author_id, text_hash, rules, created_at) VALUES (?, ?, ?, ?, ?)",
            brandId, authorId, hash(title, body), json.length() > 4000 ? "[]" : json, now);
    }

    /** The rules recorded for this text of this author (the newest), removed; empty when none was recorded. */
    public Optional<String> take(Connection c, long brandId, long authorId, String title, String body) {
        Optional<Object[]> found = Sql.one(c, "SELECT id, rules FROM moderation_verdict WHERE brand_id = ? AND author_id = ? "
            + "AND text_hash = ? ORDER BY id DESC", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, brandId, authorId,
            hash(title, body));
        found.ifPresent(f -> Sql.update(c, "DELETE FROM moderation_verdict WHERE id = ?", f[0]));
        return found.map(f -> (String) f[1]);
    }

    static String hash(String title, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
