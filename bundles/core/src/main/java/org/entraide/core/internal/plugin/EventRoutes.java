package org.entraide.core.internal.plugin;

import java.time.Duration;

import org.entraide.core.internal.event.DeadLetters;
import org.entraide.core.internal.event.EventDispatcher;
import org.entraide.core.internal.event.EventMonitor;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiReply;
import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.InstanceAdminCheck;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.rest.openapi.Doc;

/**
 * The dispatch loop (a timer route: sequence, then serve every subscriber until caught up, at most one
 * second per tick) and the operators' endpoints on subscribers and dead letters.
 */
public final class EventRoutes extends ApiRoutes {
    private static final long TICK_BUDGET_MILLIS = 1_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventRoutes.class);

    private volatile boolean unreachable;

    private final EventDispatcher dispatcher;
    private final EventMonitor monitor;
    private final DeadLetters deadLetters;
    private final InstanceAdminCheck admins;
    private final Duration poll;

    public EventRoutes(ApiDispatcher api, EventDispatcher dispatcher, EventMonitor monitor, DeadLetters deadLetters,
                       InstanceAdminCheck admins, Duration poll) {
        super(api);
        this.dispatcher = dispatcher;
        this.monitor = monitor;
        this.deadLetters = deadLetters;
        this.admins = admins;
        this.poll = poll;
    }

    private void tick() {
        long end = System.currentTimeMillis() + TICK_BUDGET_MILLIS;
        try {
            while (dispatcher.runOnce() > 0 && System.currentTimeMillis() < end) {
                // keep going while there is work, within the tick's budget
            }
        } catch (RuntimeException e) {
            // The database is unreachable or going away: the next tick tries again.
            if (!unreachable) {
                LOG.warn("Event dispatch paused: {}", e.getMessage());
            }
            unreachable = true;
            return;
        }
        unreachable = false;
    }

    @Override
    public void configure() {
        from("timer:entraide.events?delay=500&period=" + poll.toMillis()).routeId("events.dispatch")
            .process(e -> tick());

        get("/admin/events/subscribers", "events.subscribers", Doc.of("Event subscribers: position, lag, throughput, errors")
                .itemsOf(EventMonitor.SubscriberStatus.class).basic().errors(429), r -> {
            admins.require(r);
            return ApiReply.ok(new Items<>(monitor.subscribers()));
        });
        get("/admin/events/dead-letters", "events.dead-letters", Doc.of("Events parked after too many failures")
                .itemsOf(DeadLetters.DeadLetter.class).query("subscriber", "only this subscriber's").basic().errors(429), r -> {
            admins.require(r);
            return ApiReply.ok(new Items<>(deadLetters.pending(r.query("subscriber"))));
        });
        post("/admin/events/dead-letters/{id}/replay", "events.replay", Doc.of("Deliver a parked event again")
                .returns(DeadLetters.DeadLetter.class).basic().errors(409, 429), r -> {
            admins.require(r);
            return ApiReply.ok(deadLetters.replay(r.pathId("id")));
        });
    }
}
