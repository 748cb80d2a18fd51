package org.entraide.moderation.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.api.badges.Expertise;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.moderation.internal.store.HeldVerdicts;
import org.entraide.moderation.internal.store.RuleSets;

/**
 * The brand's active rule sets applied to every new post before it is stored, inside the write transaction: a
 * BLOCK is a 422 problem with the reasons in French and English, a HOLD keeps the post for review, redactions
 * and censoring change the text that is stored. Staff (store managers, moderators, brand admins) are not held or
 * blocked, but their text is redacted and censored by the same rules.
 */
public final class ModerationStep implements SubmissionStep {
    private final Transactions tx;
    private final Platform platform;
    private final RuleSets ruleSets;
    private final Engine engine;
    private final Clock clock;
    private volatile Expertise expertise;
    private final Sanctions sanctions;
    private final AuthorReputation reputation;
    private final HeldVerdicts verdicts;

    public ModerationStep(Transactions tx, Platform platform, RuleSets ruleSets, Engine engine, Sanctions sanctions, AuthorReputation reputation,
                          HeldVerdicts verdicts, Clock clock) {
        this.sanctions = sanctions;
        this.reputation = reputation;
        this.verdicts = verdicts;
        this.tx = tx;
        this.platform = platform;
        this.ruleSets = ruleSets;
        this.engine = engine;
        this.clock = clock;
    }

    /** The reputation plugin's view of members, when it is installed (null otherwise). */
    public void use(ReputationLookup r) {
        reputation.use(r);
    }

    /** The badges plugin's view of topic experts, when it is installed (null otherwise). */
    public void use(Expertise e) {
        this.expertise = e;
    }

    @Override
    public String capability() {
        return Moderation.CAPABILITY;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Submission apply(Submission s) {
        if (s.author().isStaff()) {
            return writes(s) ? staffText(s) : s;
        }
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            sanctions.requireAllowed(c, s.brandId(), s.author().userId(), writes(s), now);
            if (!writes(s)) {
                return s;
            }
            List<RuleSet> sets = ruleSets.of(c, s.brandId(), now).stream().map(RuleSets.Stored::ruleSet).toList();
            Verdict v = engine.apply(sets, candidate(c, s, now));
            if (v.blocked()) {
                throw refused(v, "BLOCK");
            }
            Submission out = s;
            if (!java.util.Objects.equals(v.title(), s.title()) || !java.util.Objects.equals(v.body(), s.body())) {
                out = out.withText(v.title(), v.body(), "moderation: text changed by " + rules(v, "REDACT", "CENSOR"));
            }
            if (v.held()) {
                out = out.withState(PublicationState.PENDING_REVIEW, "moderation: held by " + rules(v, "HOLD"));
                // the post has no id yet: the review queue finds why it was held by its author and text
                verdicts.record(c, s.brandId(), s.author().userId(), out.title(), out.body(), v, now);
            } else if (v.flagged()) {
                out = out.withState(out.state(), "moderation: flagged by " + rules(v, "FLAG"));
            }
            return out;
        });
    }

    /** Posts and comments are texts the rules read; votes and flags are not. */
    private static boolean writes(Submission s) {
        return s.kind() == Submission.Kind.POST || s.kind() == Submission.Kind.COMMENT;
    }

    /** The type name rules match: a comment's is COMMENT, whatever it comments on. */
    private static String typeName(Submission s) {
        return s.kind() == Submission.Kind.COMMENT ? "COMMENT" : s.postType() == null ? "" : s.postType().name();
    }

    /**
     * Staff (store managers' official responses, moderators, brand admins) are neither held nor blocked, but their
     * text goes through the same redaction and word rules: a manager cannot publish the e-mail address a complaint's
     * reveal showed them.
     */
    private Submission staffText(Submission s) {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            List<RuleSet> sets = ruleSets.of(c, s.brandId(), now).stream().map(RuleSets.Stored::ruleSet).toList();
            Verdict v = engine.apply(sets, Candidate.text(typeName(s), s.title(), s.body()));
            if (java.util.Objects.equals(v.title(), s.title()) && java.util.Objects.equals(v.body(), s.body())) {
                return s;
            }
            return s.withText(v.title(), v.body(), "moderation: staff text changed by " + rules(v, "REDACT", "CENSOR"));
        });
    }

    /** The 422 problem of a refused text, with the reasons of the rules whose action is one of those given. */
    static ProblemException refused(Verdict v, String... actions) {
        List<Map<String, String>> reasons = new ArrayList<>();
        v.fired().stream().filter(f -> List.of(actions).contains(f.action().name()))
            .forEach(f -> reasons.add(Map.of("rule", f.rule(), "fr", f.reason().fr(), "en", f.reason().en())));
        return new ProblemException(422, "moderation-blocked", "Refused by moderation",
            reasons.get(0).get("en") + " / " + reasons.get(0).get("fr"), null, Map.of("reasons", reasons));
    }

    private static String rules(Verdict v, String... actions) {
        List<String> names = new ArrayList<>();
        v.fired().stream().filter(f -> List.of(actions).contains(f.action().name())).forEach(f -> names.add(f.rule()));
        return String.join(", ", names);
    }

    /** The text and what the rules ask about its author, read through the core's services in the write transaction. */
    private Candidate candidate(Connection c, Submission s, Instant now) {
        long author = s.author().userId();
        long brand = s.brandId();
        Instant registered = platform.members().registeredAt(c, brand, author).orElse(null);
        long ageHours = registered == null ? 0 : Duration.between(registered, now).toHours();
        long published = platform.posts().countByAuthor(c, brand, author, PublicationState.PUBLISHED, null, null);
        long lastHour = platform.posts().countByAuthor(c, brand, author, null, now.minus(Duration.ofHours(1)), null);
        long same = s.body() == null ? 0
            : platform.posts().countByAuthor(c, brand, author, null, now.minus(Duration.ofDays(1)), s.body());
        Expertise e = expertise;
        boolean expert = e != null && s.topicId() != null && e.isTopicExpert(s.brandId(), author, s.topicId());
        Integer points = reputation.of(s.brandId(), author);
        return new Candidate(typeName(s), s.title(), s.body(), published, ageHours,
            lastHour, same, expert, points);
    }
}
