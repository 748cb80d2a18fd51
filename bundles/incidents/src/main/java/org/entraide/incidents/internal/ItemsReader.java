package org.entraide.incidents.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.entraide.api.incidents.IncidentItems;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.IncidentStore;
import org.entraide.incidents.internal.store.Items;

/** The incidents' titles and items as other plugins read them, inside the URL's brand. */
public final class ItemsReader implements IncidentItems {
    private final IncidentStore incidents;
    private final Items items;

    ItemsReader(IncidentStore incidents, Items items) {
        this.incidents = incidents;
        this.items = items;
    }

    @Override
    public Optional<String> title(Connection c, long brandId, long incidentId) {
        return incidents.find(c, brandId, incidentId).map(Incident::title);
    }

    @Override
    public List<Long> attachedPosts(Connection c, long brandId, long incidentId) {
        return incidents.find(c, brandId, incidentId).map(i -> items.postIds(c, i.id())).orElse(List.of());
    }

    @Override
    public Optional<Long> incidentOf(Connection c, long brandId, long postId) {
        return items.incidentOf(c, brandId, postId);
    }
}
