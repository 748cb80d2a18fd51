package org.entraide.moderation.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Brand;
import org.entraide.api.platform.Brands;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.store.Audit;
import org.entraide.moderation.internal.store.RuleSets;

/**
 * Rule sets given as a file (from etc/ or the shell command): {@code {"ruleSets": [...]}}, each rule set as the API
 * takes it. A rule set is matched to the brand's by name: a different one is a new version, a new name a new rule
 * set, an identical one changes nothing (reading the same file again makes no version). A file is applied whole or
 * not at all, audited like the API's changes.
 */
public final class RuleSetImport {
    private final Transactions tx;
    private final Brands brands;
    private final RuleSets ruleSets;
    private final Audit audit;
    private final Clock clock;

    public RuleSetImport(Transactions tx, Brands brands, RuleSets ruleSets, Audit audit, Clock clock) {
        this.tx = tx;
        this.brands = brands;
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The rule sets of a file, validated as the API validates them.
     *
     * @throws IllegalArgumentException saying what is wrong and where (which rule set, which field)
     */
    public static List<RuleSet> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = RuleSets.JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " at line "
                + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable: " + e.getMessage());
        }
        if (root == null || !root.path("ruleSets").isArray() || root.get("ruleSets").isEmpty()) {
            throw new IllegalArgumentException("expected {\"ruleSets\": [ ... ]} with at least one rule set");
        }
        List<RuleSet> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode n : root.get("ruleSets")) {
            String where = "ruleSets[" + out.size() + "]" + (n.hasNonNull("name") ? " (" + n.get("name").asText() + ")" : "");
            RuleSet set;
            try {
                set = RuleSets.parse(n);
            } catch (ProblemException p) {
                throw new IllegalArgumentException(where + ": " + describe(p));
            }
            if (!names.add(set.name())) {
                throw new IllegalArgumentException(where + ": the name is used twice in the file");
            }
            out.add(set);
        }
        return List.copyOf(out);
    }

    private static String describe(ProblemException p) {
        if (p.errors() == null || p.errors().isEmpty()) {
            return p.detail();
        }
        return String.join("; ", p.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** The brand's id, if there is a brand with that slug. */
    public Optional<Long> brand(String slug) {
        return tx.inTransaction(c -> brands.bySlug(c, slug).map(Brand::id));
    }

    /**
     * Stores the rule sets for the brand, in one transaction.
     *
     * @param origin where they come from, in the audit log (the file's name)
     * @return one line per rule set: what became of it
     */
    public List<String> apply(long brandId, List<RuleSet> sets, Long by, String origin) {
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            List<RuleSets.Stored> current = ruleSets.of(c, brandId, now);
            List<String> report = new ArrayList<>();
            for (RuleSet set : sets) {
                Optional<RuleSets.Stored> same = current.stream().filter(s -> s.ruleSet().name().equals(set.name())).findFirst();
                if (same.isPresent() && RuleSets.same(same.get().ruleSet(), set)) {
                    report.add(set.name() + ": unchanged (v" + same.get().version() + ")");
                    continue;
                }
                RuleSets.Stored stored = same.isPresent() ? ruleSets.update(c, brandId, same.get().id(), set, by, now)
                    : ruleSets.create(c, brandId, set, by, now);
                audit.record(c, brandId, by, "RULESET", null, set.name() + " v" + stored.version() + " from " + origin, null,
                    null, now);
                report.add(set.name() + ": " + (same.isPresent() ? "new version" : "created") + " v" + stored.version()
                    + " (id " + stored.id() + ")");
            }
            return report;
        });
    }

    /** The brand's rule sets, with their version (the shipped ones installed first, as the API does). */
    public List<RuleSets.Stored> current(long brandId) {
        return tx.inTransaction(c -> ruleSets.of(c, brandId, clock.instant()));
    }

    /** Turns a rule set on or off, as a new version; 404 when the brand has no such rule set. */
    public RuleSets.Stored activate(long brandId, long id, boolean active, Long by) {
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            RuleSets.Stored s = ruleSets.find(c, brandId, id, now).orElseThrow(() -> ProblemException.notFound("no rule set " + id));
            RuleSet r = s.ruleSet();
            if (r.active() == active) {
                return s;
            }
            RuleSets.Stored stored = ruleSets.update(c, brandId, id, new RuleSet(r.name(), r.description(), active, r.rules(),
                r.expertsSkipHold()), by, now);
            audit.record(c, brandId, by, "RULESET", null, r.name() + " v" + stored.version() + (active ? " activated"
                : " deactivated"), null, null, now);
            return stored;
        });
    }
}
