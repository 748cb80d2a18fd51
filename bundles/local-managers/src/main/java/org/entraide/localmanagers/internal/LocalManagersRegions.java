package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.localmanagers.Regions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The brand's regions for other plugins, while the plugin runs. */
@Component(service = Regions.class)
public class LocalManagersRegions implements Regions {
    @Reference
    private LocalManagersComponent main;

    @Override
    public Optional<String> regionOf(Connection c, long brandId, long storeId) {
        return main.plugin().regions.regionOf(c, brandId, storeId);
    }

    @Override
    public Set<String> managedBy(Connection c, long brandId, long userId) {
        return main.plugin().regions.managedBy(c, brandId, userId);
    }

    @Override
    public List<Long> managersOf(Connection c, long brandId, String region) {
        return main.plugin().regions.managersOf(c, brandId, region);
    }
}
