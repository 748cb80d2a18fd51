package org.entraide.moderation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.moderation.internal.store.RuleSets;

/**
 * The brand's rule sets applied to private messages, in both directions, as to posts: personal data redacted and
 * watched words censored. A member's message the rules would block or hold is refused (a private message cannot
 * wait for review), and a silenced or suspended member cannot write; staff are only redacted and censored.
 */
public final class MessageRules implements PrivateMessageRules {
    private final Transactions tx;
    private final RuleSets ruleSets;
    private final Engine engine;
    private final Sanctions sanctions;
    private final AuthorReputation reputation;
    private final Clock clock;
    private volatile BrandFeatures features;

    MessageRules(Transactions tx, RuleSets ruleSets, Engine engine, Sanctions sanctions, AuthorReputation reputation,
                 Clock clock) {
        this.tx = tx;
        this.ruleSets = ruleSets;
        this.engine = engine;
        this.sanctions = sanctions;
        this.reputation = reputation;
        this.clock = clock;
    }

    /** The core's view of which brands enabled moderation; without it (tests), every brand has. */
    public void use(BrandFeatures f) {
        this.features = f;
    }

    @Override
    public String check(long brandId, Caller author, String text) {
        BrandFeatures f = features;
        if (text == null || (f != null && !f.isEnabled(brandId, Moderation.CAPABILITY))) {
            return text;
        }
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            if (!author.isStaff()) {
                sanctions.requireAllowed(c, brandId, author.userId(), true, now);
            }
            List<RuleSet> sets = ruleSets.of(c, brandId, now).stream().map(RuleSets.Stored::ruleSet).toList();
            // a seasoned author: the history rules (first posts, bursts, repeats) are about public posts
            Candidate message = new Candidate("MESSAGE", null, text, 1000, 24 * 365, 0, 0, false,
                author.isStaff() ? null : reputation.of(brandId, author.userId()));
            Verdict v = engine.apply(sets, message);
            if (!author.isStaff() && (v.blocked() || v.held())) {
                throw ModerationStep.refused(v, "BLOCK", "HOLD");
            }
            return v.body();
        });
    }
}
