package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.moderation.internal.rules.Action;
import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.Rule;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.store.RuleSets;
import org.junit.jupiter.api.Test;

/** Links from members with little reputation, and several links to unknown domains, are held (issue 12, point 16). */
class LinksTest {
    private final Engine engine = new Engine();
    private static final String SPAM = "Remboursement rapide ici https://cash-back.example/offre et là http://promo.example.net";

    private static Candidate seasoned(String body, Integer reputation) {
        return new Candidate("COMPLAINT", "Titre", body, 50, 24 * 365, 0, 0, false, reputation);
    }

    private String decision(List<RuleSet> sets, String body, Integer reputation) {
        return engine.apply(sets, seasoned(body, reputation)).decision();
    }

    @Test
    void theShippedRulesHoldSeveralUnknownLinksAndLinksOfLowReputation() {
        List<RuleSet> shipped = RuleSets.shipped();
        assertEquals("HOLD", decision(shipped, SPAM, 500), "two links to unknown domains, whatever the reputation");
        assertEquals("PUBLISH", decision(shipped, "Voir https://docs.example/faq", 500), "one link from a trusted member");
        assertEquals("HOLD", decision(shipped, "Voir https://docs.example/faq", 3), "a link from a member with 3 points");
        assertEquals("HOLD", decision(shipped, "Voir www.docs.example", null), "no reputation plugin: counted as 0 points");
        assertEquals("PUBLISH", decision(shipped, "Rien à voir, 3 articles à 19,99 €.", 3), "no link, no hold");
    }

    @Test
    void linksToAllowedDomainsDoNotCount() {
        RuleSet set = new RuleSet("links", null, true, List.of(new Rule("unknown-domains",
            Map.of("type", "links", "max", 1, "allowedDomains", List.of("brand.example", "Aide.Brand.Example")), Action.HOLD,
            new Rule.Reason("r", "r")), new Rule("low-reputation", Map.of("type", "all", "of", List.of(
            Map.of("type", "reputationBelow", "points", 15, "unknownAs", 0),
            Map.of("type", "links", "max", 0, "allowedDomains", List.of("brand.example")))), Action.HOLD,
            new Rule.Reason("r", "r"))));
        assertEquals("PUBLISH", decision(List.of(set), "https://brand.example/a https://shop.brand.example/b "
            + "www.brand.example/c", 3), "the brand's own domain and its subdomains");
        assertEquals("HOLD", decision(List.of(set), "https://brand.example.evil.example/a", 3), "a lookalike is not a subdomain");
        assertEquals("HOLD", decision(List.of(set), "https://brand.example@evil.example/a", 3), "the host is after the user part");
        assertEquals("HOLD", decision(List.of(set), "evil.example/promo et spam.example/x", 500), "bare domains with a path count");
        assertEquals("PUBLISH", decision(List.of(set), "un lien https://evil.example/a", 500), "one unknown link from a trusted member");
        ProblemException bad = assertThrows(ProblemException.class, () -> new RuleSet("x", null, true, List.of(new Rule("bad-domains",
            Map.of("type", "links", "max", 0, "allowedDomains", List.of("not a domain")), Action.HOLD, new Rule.Reason("r", "r")))));
        assertEquals("rules[0].condition", bad.errors().get(0).field());
    }

    @Test
    void withoutUnknownAsABrandWithoutReputationIsNotHeld() {
        RuleSet set = new RuleSet("rep", null, true, List.of(new Rule("low", Map.of("type", "reputationBelow", "points", 10),
            Action.HOLD, new Rule.Reason("r", "r"))));
        assertEquals("PUBLISH", decision(List.of(set), "texte", null));
        assertEquals("HOLD", decision(List.of(set), "texte", 3));
    }
}
