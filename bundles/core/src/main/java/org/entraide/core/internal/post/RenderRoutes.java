package org.entraide.core.internal.post;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.core.internal.db.Database;

/**
 * Renders the bodies left by another version of the renderer (or read while stale) in the background: a timer, at
 * most one second of work per tick, so that a large history is caught up without holding a thread for long.
 */
public final class RenderRoutes extends RouteBuilder {
    private final Database db;
    private final RenderedBodies bodies;

    public RenderRoutes(Database db, RenderedBodies bodies) {
        this.db = db;
        this.bodies = bodies;
    }

    @Override
    public void configure() {
        from("timer:entraide.render?delay=2000&period=5000").routeId("content.render").process(e -> tick());
    }

    void tick() {
        long end = System.nanoTime() + 1_000_000_000L;
        while (bodies.refresh(db) > 0 && System.nanoTime() < end) {
            // another batch
        }
    }
}
