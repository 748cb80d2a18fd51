package org.entraide.localmanagers.internal.web;

import java.time.Clock;

import org.entraide.api.storage.Transactions;
import org.entraide.localmanagers.internal.Rankings;
import org.entraide.localmanagers.internal.Routing;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.localmanagers.internal.store.Timeline;

/**
 * The local managers' REST operations, one class per concern. Every id of a request is resolved inside the URL's
 * brand ({@link Lookups}): another brand's is a 404, and nothing changes.
 */
public record ManagerEndpoints(InboxEndpoints inbox, ComplaintEndpoints complaints, StoreEndpoints stores,
                               TeamEndpoints team, DeadlineEndpoints deadlines, RankingEndpoints rankings) {
    public static ManagerEndpoints of(Transactions tx, StoreSettings stores, Timeline timeline, Rankings rankings, Routing routing,
                                      Rankings.Formula formula, Lookups lookups, Clock clock) {
        return new ManagerEndpoints(new InboxEndpoints(tx, stores, lookups, clock), new ComplaintEndpoints(tx, timeline, routing, lookups),
            new StoreEndpoints(tx, stores, lookups), new TeamEndpoints(tx, lookups), new DeadlineEndpoints(tx, routing),
            new RankingEndpoints(tx, rankings, formula, lookups, clock));
    }

    /** The configured ranking formula, for brands that did not publish their own. */
    public void use(Rankings.Formula f) {
        rankings.use(f);
    }
}
