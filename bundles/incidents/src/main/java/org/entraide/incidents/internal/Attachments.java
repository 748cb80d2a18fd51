package org.entraide.incidents.internal;

import java.sql.Connection;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.incidents.ItemAttached;
import org.entraide.api.model.PostType;
import org.entraide.api.platform.PostFacts;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.Items;

/** Attaches a question or complaint to an incident with its event, by staff or by the subscriber. */
public final class Attachments {
    private final Items items;
    private final EventLog events;
    private final Clock clock;

    public Attachments(Items items, EventLog events, Clock clock) {
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a post may be attached at all: a published question or complaint. */
    public static boolean attachable(PostFacts post) {
        return post.isPublished() && (post.type() == PostType.QUESTION || post.type() == PostType.COMPLAINT);
    }

    /** True when attached now; false when the post already belongs to an incident (this one or another). */
    public boolean attach(Connection c, Incident incident, PostFacts post, boolean automatic, Long by) {
        if (!items.attach(c, incident.id(), incident.brandId(), post.id(), post.type().name(), post.storeId(), automatic, by,
            clock.instant(), post.createdAt())) {
            return false;
        }
        events.append(c, incident.brandId(), by, incident.id(),
            new ItemAttached(incident.id(), post.id(), post.type().name(), post.storeId(), automatic));
        return true;
    }
}
