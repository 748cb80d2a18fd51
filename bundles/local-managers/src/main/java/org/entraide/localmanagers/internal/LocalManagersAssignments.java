package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.util.Optional;

import org.entraide.api.localmanagers.Assignment;
import org.entraide.api.localmanagers.Assignments;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Who handles a complaint, for other plugins, while the plugin runs. */
@Component(service = Assignments.class)
public class LocalManagersAssignments implements Assignments {
    @Reference
    private LocalManagersComponent main;

    @Override
    public Optional<Assignment> of(Connection c, long brandId, long complaintId) {
        return main.plugin().assignments.of(c, brandId, complaintId);
    }
}
