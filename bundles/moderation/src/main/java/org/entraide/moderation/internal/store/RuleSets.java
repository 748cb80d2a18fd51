package org.entraide.moderation.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.problem.ProblemException;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.jdbc.Sql;

/**
 * A brand's rule sets, versioned: every change is a new version, and every version is kept. A brand gets the
 * shipped rule sets the first time its rule sets are read, and a rule set shipped later the first time they are
 * read after it ships (once: {@code moderation_shipped} remembers the names offered); it may then change or
 * deactivate them.
 */
public final class RuleSets {
    public static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A stored rule set. */
    public record Stored(long id, int version, RuleSet ruleSet, Instant updatedAt) {
    }

    private final List<RuleSet> shipped = shipped();

    public List<Stored> of(Connection c, long brandId, Instant now) {
        seed(c, brandId, now);
        return Sql.list(c, "SELECT id, version, definition, updated_at FROM moderation_ruleset WHERE brand_id = ? ORDER BY id",
            rs -> new Stored(rs.getLong(1), rs.getInt(2), read(rs.getString(3)), Sql.instant(rs, "updated_at")), brandId);
    }

    public Optional<Stored> find(Connection c, long brandId, long id, Instant now) {
        return of(c, brandId, now).stream().filter(s -> s.id() == id).findFirst();
    }

    public Stored create(Connection c, long brandId, RuleSet set, Long by, Instant now) {
        seed(c, brandId, now);
        return insert(c, brandId, set, by, now);
    }

    private Stored insert(Connection c, long brandId, RuleSet set, Long by, Instant now) {
        long id = Sql.insert(c, "INSERT INTO moderation_ruleset (brand_id, name, version, active, definition, updated_by, "
            + "updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)", brandId, set.name(), set.active(), write(set), by, now);
        Sql.update(c, "INSERT INTO moderation_ruleset_version (ruleset_id, version, definition, changed_by, changed_at) "
            + "VALUES (?, 1, ?, ?, ?)", id, write(set), by, now);
        return new Stored(id, 1, set, now);
    }

    /** A new version of the rule set; 404 when the brand has no such rule set. */
    public Stored update(Connection c, long brandId, long id, RuleSet set, Long by, Instant now) {
        Stored current = find(c, brandId, id, now).orElseThrow(() -> ProblemException.notFound("no rule set " + id));
        int version = current.version() + 1;
        Sql.update(c, "UPDATE moderation_ruleset SET name = ?, version = ?, active = ?, definition = ?, updated_by = ?, "
            + "updated_at = ? WHERE id = ?", set.name(), version, set.active(), write(set), by, now, id);
        Sql.update(c, "INSERT INTO moderation_ruleset_version (ruleset_id, version, definition, changed_by, changed_at) "
            + "VALUES (?, ?, ?, ?, ?)", id, version, write(set), by, now);
        return new Stored(id, version, set, now);
    }

    /** Whether two rule sets say the same, as stored: a file read again without change makes no new version. */
    public static boolean same(RuleSet a, RuleSet b) {
        return write(a).equals(write(b));
    }

    public int versions(Connection c, long id) {
        return (int) Sql.count(c, "SELECT COUNT(*) FROM moderation_ruleset_version WHERE ruleset_id = ?", id);
    }

    private void seed(Connection c, long brandId, Instant now) {
        if (Sql.count(c, "SELECT COUNT(*) FROM moderation_brand WHERE brand_id = ?", brandId) == 0) {
            Sql.update(c, "INSERT INTO moderation_brand (brand_id, seeded_at) VALUES (?, ?)", brandId, now);
        }
        List<String> offered = Sql.list(c, "SELECT name FROM moderation_shipped WHERE brand_id = ?", rs -> rs.getString(1),
            brandId);
        for (RuleSet set : shipped) {
            if (!offered.contains(set.name())) {
                insert(c, brandId, set, null, now);
                Sql.update(c, "INSERT INTO moderation_shipped (brand_id, name, offered_at) VALUES (?, ?, ?)", brandId,
                    set.name(), now);
            }
        }
    }

    public static RuleSet parse(JsonNode node) {
        try {
            return JSON.treeToValue(node, RuleSet.class);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException p) {
                    throw p;
                }
            }
            throw ProblemException.badRequest("not a rule set: " + e.getMessage());
        }
    }

    private static RuleSet read(String json) {
        try {
            return JSON.readValue(json, RuleSet.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored rule set does not parse: " + e.getMessage(), e);
        }
    }

    private static String write(RuleSet set) {
        try {
            return JSON.writeValueAsString(set);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule sets every brand starts with. */
    public static List<RuleSet> shipped() {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream("moderation/default-rulesets.json")) {
            List<RuleSet> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(in).get("ruleSets")) {
                out.add(JSON.treeToValue(n, RuleSet.class));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped rule sets do not parse", e);
        }
    }
}
