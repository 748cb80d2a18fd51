package org.entraide.reputation.internal;

import java.time.Clock;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.reputation.internal.board.Boards;
import org.entraide.reputation.internal.board.PostCatalog;
import org.entraide.reputation.internal.board.Standings;
import org.entraide.reputation.internal.board.Topics;
import org.entraide.reputation.internal.events.AcceptanceJournal;
import org.entraide.reputation.internal.events.RejectionJournal;
import org.entraide.reputation.internal.events.Announcer;
import org.entraide.reputation.internal.events.AwardJournal;
import org.entraide.reputation.internal.events.ComplaintPrivacy;
import org.entraide.reputation.internal.events.EventApplier;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.entraide.reputation.internal.events.VoteJournal;
import org.entraide.reputation.internal.gaming.GamingRoutes;
import org.entraide.reputation.internal.gaming.NewAccountFilter;
import org.entraide.reputation.internal.gaming.SerialVoting;
import org.entraide.reputation.internal.gaming.SerialVotingJob;
import org.entraide.reputation.internal.gaming.VotingRings;
import org.entraide.reputation.internal.ledger.Bookkeeper;
import org.entraide.reputation.internal.ledger.Ledger;
import org.entraide.reputation.internal.ledger.Members;
import org.entraide.reputation.internal.ledger.PrivateHistory;
import org.entraide.reputation.internal.ledger.Scorer;
import org.entraide.reputation.internal.privileges.PrivilegeStep;
import org.entraide.reputation.internal.recompute.Recomputation;
import org.entraide.reputation.internal.rules.BrandRules;
import org.entraide.reputation.internal.web.ReputationRoutes;

/**
 * The plugin's object graph, built from the core's services and the settings, with no OSGi types: the DS
 * component and the tests build the same thing. Building it migrates the plugin's tables.
 */
public final class Reputation {
    public final Platform platform;
    public final Clock clock;
    public final BrandRules rules;
    public final Members members = new Members();
    public final Ledger ledger = new Ledger();
    public final Bookkeeper keeper = new Bookkeeper(ledger, members);
    public final Scorer scorer = new Scorer(ledger);
    public final VoteJournal votes = new VoteJournal();
    public final AcceptanceJournal acceptances = new AcceptanceJournal();
    public final RejectionJournal rejections = new RejectionJournal();
    public final PrivateHistory privateHistory = new PrivateHistory();
    public final PostCatalog posts = new PostCatalog();
    public final Standings standings = new Standings();
    public final Topics topics;
    public final ReputationCapability capability = new ReputationCapability();
    /** What the plugin holds about a member, for their export and the closing of their account. */
    public final ReputationPersonalData personalData;
    public final ReputationSubscriber subscriber;
    public final PrivilegeStep privileges;
    public final Recomputation recomputation;
    public final SerialVoting serialVoting;
    public final SerialVotingJob serialVotingJob;
    public final VotingRings rings;
    private final NewAccountFilter newAccounts;
    /** Every RoutesBuilder to add to the shared CamelContext, the subscriber's first. */
    public final List<RoutesBuilder> routes;
    /** Members' reputation and the brand's thresholds, for other plugins (moderation). */
    public final ReputationLookup lookup = new ReputationReader(this);

    /**
     * Every service the plugin provides, in the order they must appear: its routes first (the subscriber's among
     * them), then its capability, its privilege step, its subscriber and its reputation lookup. Its components
     * register exactly these, and the tests install them.
     */
    public List<Object> services() {
        List<Object> all = new java.util.ArrayList<>(routes);
        all.addAll(List.of(capability, privileges, lookup, personalData));
        return List.copyOf(all);
    }

    /** The plugin as Karaf starts it and the tests start it: the constructor is this one factory. */
    public Reputation(Platform platform, ReputationSettings settings, Clock clock) {
        this.platform = platform;
        this.personalData = new ReputationPersonalData(platform.tx());
        this.topics = new Topics(platform.brands());
        this.clock = clock;
        platform.migrator().migrate("reputation", Reputation.class.getClassLoader(), "db/reputation");
        this.rules = new BrandRules(settings.points(), settings.thresholds(), clock);
        keeper.setListener(new Boards(posts, standings));
        this.newAccounts = new NewAccountFilter(members, rules, settings.voteCounting());
        scorer.setVoteFilter(newAccounts);
        Announcer announcer = new Announcer(platform.events(), platform.features());
        AwardJournal awards = new AwardJournal();
        EventApplier applier = new EventApplier(platform.tx(), platform.reader(), keeper, scorer, rules, votes, acceptances, rejections, posts,
            announcer, new ComplaintPrivacy(privateHistory), awards);
        ComplaintPrivacy.repair(platform.tx(), keeper, rules, clock);
        this.subscriber = new ReputationSubscriber(applier, settings.maxAttempts());
        this.privileges = new PrivilegeStep(platform.tx(), rules, members);
        this.recomputation = new Recomputation(platform.tx(), keeper, scorer, rules, votes, acceptances, rejections,
            awards, announcer, clock);
        this.serialVoting = new SerialVoting(votes, settings.serialVoting());
        this.serialVotingJob = new SerialVotingJob(platform.tx(), keeper, scorer, rules, votes, serialVoting, announcer, clock,
            settings.serialCheckPeriod());
        this.rings = new VotingRings(votes, settings.rings());
        this.routes = List.of(subscriber, new ReputationRoutes(platform.endpoints(), this, clock),
            new GamingRoutes(serialVotingJob));
    }

    /** Applies a changed configuration: new defaults for brands that did not override them. */
    public void update(ReputationSettings settings) {
        rules.setDefaults(settings.points(), settings.thresholds());
        serialVoting.setRules(settings.serialVoting());
        serialVotingJob.setPeriod(settings.serialCheckPeriod());
        rings.setRules(settings.rings());
        newAccounts.setCounting(settings.voteCounting());
    }
}
