package org.entraide.incidents.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.entraide.api.incidents.IncidentItems;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The incidents' items for other plugins, while the plugin runs. */
@Component(service = IncidentItems.class)
public class IncidentItemsService implements IncidentItems {
    @Reference
    private IncidentsComponent main;

    @Override
    public Optional<String> title(Connection c, long brandId, long incidentId) {
        return main.incidents().itemsReader.title(c, brandId, incidentId);
    }

    @Override
    public List<Long> attachedPosts(Connection c, long brandId, long incidentId) {
        return main.incidents().itemsReader.attachedPosts(c, brandId, incidentId);
    }

    @Override
    public Optional<Long> incidentOf(Connection c, long brandId, long postId) {
        return main.incidents().itemsReader.incidentOf(c, brandId, postId);
    }
}
