package org.entraide.core.internal.draft;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * What a signed-in member was writing and has not sent yet (a question, an answer to a given question, a complaint),
 * kept on the server so that it follows them from one device to another. A draft is private to its author, never
 * published, indexed or shown to anyone else; it is dropped when the post is sent and forgotten after
 * {@link #KEPT_FOR} without a change.
 */
public final class Drafts {
    /** {@code question}, {@code complaint}, {@code answer-<question id>}, {@code complaint-<store code>}... */
    public static final Pattern KEY = Pattern.compile("[a-z]{3,20}(-[a-z0-9-]{1,40})?");
    public static final Duration KEPT_FOR = Duration.ofDays(30);
    public static final int MAX_PER_MEMBER = 30;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_FIELD_LENGTH = 300;

    /** A draft as its author sees it; {@code fields} are the form's other fields (topic, tags, store...). */
    public record Draft(String key, String title, String body, Map<String, String> fields, Instant updatedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final Database db;
    private final Clock clock;

    public Drafts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Draft> list(Caller caller, Brand brand) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        Instant oldest = clock.instant().minus(KEPT_FOR);
        return db.inTransaction(c -> Sql.list(c, "SELECT draft_key, title, body, form_fields, updated_at FROM post_draft "
            + "WHERE user_id = ? AND updated_at >= ? ORDER BY updated_at DESC", rs -> new Draft(rs.getString(1),
            rs.getString(2), rs.getString(3), fields(rs.getString(4)), Sql.instant(rs, "updated_at")), caller.userId(), oldest));
    }

    public Draft get(Caller caller, Brand brand, String key) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        requireKey(key);
        Instant oldest = clock.instant().minus(KEPT_FOR);
        return db.inTransaction(c -> find(c, caller.userId(), key, oldest))
            .orElseThrow(() -> ProblemException.notFound("no draft '" + key + "'"));
    }

    /** Creates or replaces the draft; drafts left alone longer than {@link #KEPT_FOR} go at the same time. */
    public Draft save(Caller caller, Brand brand, String key, String title, String body, Map<String, String> fields) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        requireKey(key);
        Map<String, String> kept = new TreeMap<>(fields == null ? Map.of() : fields);
        if (kept.size() > MAX_FIELDS) {
            throw ProblemException.invalid("fields", "at most " + MAX_FIELDS + " fields");
        }
        for (Map.Entry<String, String> e : kept.entrySet()) {
            if (!e.getKey().matches("[a-zA-Z]{1,30}") || e.getValue() == null || e.getValue().length() > MAX_FIELD_LENGTH) {
                throw ProblemException.invalid("fields", "names of letters, values of at most " + MAX_FIELD_LENGTH + " characters");
            }
        }
        String encoded = encode(kept);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM post_draft WHERE user_id = ? AND updated_at < ?", caller.userId(), now.minus(KEPT_FOR));
            int changed = Sql.update(c, "UPDATE post_draft SET title = ?, body = ?, form_fields = ?, updated_at = ? "
                + "WHERE user_id = ? AND draft_key = ?", title, body, encoded, now, caller.userId(), key);
            if (changed == 0) {
                if (Sql.count(c, "SELECT COUNT(*) FROM post_draft WHERE user_id = ?", caller.userId()) >= MAX_PER_MEMBER) {
                    throw ProblemException.conflict("at most " + MAX_PER_MEMBER + " drafts: send or delete one first");
                }
                Sql.update(c, "INSERT INTO post_draft (user_id, draft_key, title, body, form_fields, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    caller.userId(), key, title, body, encoded, now);
            }
            return new Draft(key, title, body, kept, now);
        });
    }

    public void delete(Caller caller, Brand brand, String key) {
        org.entraide.core.internal.post.Visibility.requireBrand(caller, brand.id(), brand.slug());
        requireKey(key);
        db.inTransaction(c -> Sql.update(c, "DELETE FROM post_draft WHERE user_id = ? AND draft_key = ?", caller.userId(), key));
    }

    private static Optional<Draft> find(Connection c, long userId, String key, Instant oldest) {
        return Sql.one(c, "SELECT draft_key, title, body, form_fields, updated_at FROM post_draft WHERE user_id = ? AND draft_key = ? "
            + "AND updated_at >= ?", rs -> new Draft(rs.getString(1), rs.getString(2), rs.getString(3), fields(rs.getString(4)),
            Sql.instant(rs, "updated_at")), userId, key, oldest);
    }

    private static void requireKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.notFound("no draft '" + key + "'");
        }
    }

    private static String encode(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fields(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
