package org.entraide.knowledge.internal;

import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.text.Markdown;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts knowledge on the core's services, configured by its PID, with {@link Knowledge#start}: the same factory the
 * tests call. The plugin's small components take it by reference and provide its services, so they come and go with
 * it; a changed configuration re-creates it.
 */
@Component(name = "org.entraide.knowledge", immediate = true, service = KnowledgeComponent.class)
@Designate(ocd = KnowledgeConfig.class)
public class KnowledgeComponent {
    private volatile Knowledge plugin;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
    @Reference
    private SchemaMigrator migrator;
    @Reference
    private ApiEndpoints endpoints;
    @Reference
    private Posts posts;
    @Reference
    private Members members;
    @Reference
    private Stores stores;
    @Reference
    private Brands brands;
    @Reference
    private Markdown markdown;

    public Knowledge plugin() {
        return plugin;
    }

    @Activate
    void activate(KnowledgeConfig config) {
        plugin = Knowledge.start(new Platform(tx, events, posts, members, stores, brands, markdown), migrator, endpoints,
            settings(config), Clock.systemUTC());
    }

    static Knowledge.Settings settings(KnowledgeConfig config) {
        if (config.promotion_points() < 0 || config.promotion_points() > 1000) {
            throw new IllegalArgumentException("promotion.points must be from 0 to 1000: " + config.promotion_points());
        }
        if (config.review_days() < 1 || config.review_days() > 3650) {
            throw new IllegalArgumentException("review.days must be from 1 to 3650: " + config.review_days());
        }
        return new Knowledge.Settings(config.promotion_points(), config.review_days(), config.review_sweep_millis());
    }
}
