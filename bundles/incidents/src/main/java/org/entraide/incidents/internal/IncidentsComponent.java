package org.entraide.incidents.internal;

import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.text.Markdown;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.entraide.api.localmanagers.Regions;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts incidents on the core's services, configured by its PID. The plugin's small components take it by
 * reference and provide its services, so they come and go with it; a changed configuration re-creates it.
 */
@Component(name = "org.entraide.incidents", immediate = true, service = IncidentsComponent.class)
@Designate(ocd = IncidentsConfig.class)
public class IncidentsComponent {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentsComponent.class);

    private volatile Incidents incidents;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
    @Reference
    private EventReader reader;
    @Reference
    private SchemaMigrator migrator;
    @Reference
    private ApiEndpoints endpoints;
    @Reference
    private Posts posts;
    @Reference
    private Stores stores;
    @Reference
    private Complaints complaints;
    @Reference
    private Markdown markdown;

    private volatile Regions regions;

    /** Local managers' regions, optional: without them incidents know stores only. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void bindRegions(Regions r) {
        this.regions = r;
        Incidents running = incidents;
        if (running != null) {
            running.useRegions(r);
        }
    }

    void unbindRegions(Regions r) {
        if (this.regions == r) {
            this.regions = null;
            Incidents running = incidents;
            if (running != null) {
                running.useRegions(null);
            }
        }
    }

    /** The running plugin. */
    public Incidents incidents() {
        return incidents;
    }

    @Activate
    void activate(IncidentsConfig config) {
        incidents = new Incidents(new Incidents.Core(tx, events, reader, migrator, endpoints, posts, stores, complaints, markdown),
            IncidentsSettings.of(config), Clock.systemUTC());
        incidents.useRegions(regions);
        LOG.info("Incidents started");
    }

    @Deactivate
    void deactivate() {
        incidents = null;
    }
}
