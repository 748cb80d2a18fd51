package org.entraide.core.internal.camel;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.LifecycleStrategySupport;

/** Counts the routes added to and removed from a context: what indexes of its routes are made again on. */
final class RouteChanges {
    private final AtomicLong changes = new AtomicLong();

    private RouteChanges() {
    }

    static RouteChanges of(CamelContext context) {
        RouteChanges counted = new RouteChanges();
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onRoutesAdd(Collection<Route> routes) {
                counted.changes.incrementAndGet();
            }

            @Override
            public void onRoutesRemove(Collection<Route> routes) {
                counted.changes.incrementAndGet();
            }
        });
        return counted;
    }

    /** Changes so far: an index made at another count is out of date. */
    long count() {
        return changes.get();
    }
}
