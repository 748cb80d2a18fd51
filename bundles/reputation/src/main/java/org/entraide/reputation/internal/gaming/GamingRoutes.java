package org.entraide.reputation.internal.gaming;

import org.apache.camel.builder.RouteBuilder;

/**
 * The timer of the serial-voting job ({@code reputation.serial-voting}). It fires every minute and the job
 * decides whether its period has passed, so that a new period in the configuration needs no new route.
 */
public final class GamingRoutes extends RouteBuilder {
    private final SerialVotingJob job;

    public GamingRoutes(SerialVotingJob job) {
        this.job = job;
    }

    @Override
    public void configure() {
        from("timer:reputation.serial-voting?delay=60000&period=60000").routeId("reputation.serial-voting")
            .process(exchange -> job.tick());
    }
}
