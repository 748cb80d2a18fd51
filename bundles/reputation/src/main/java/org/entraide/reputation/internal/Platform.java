package org.entraide.reputation.internal;

import java.util.Objects;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Brands;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;

/** The services of the core that reputation uses; {@code reader} reads the events it receives as their records. */
public record Platform(Transactions tx, EventLog events, SchemaMigrator migrator, BrandFeatures features,
                       ApiEndpoints endpoints, Brands brands, EventReader reader) {
    public Platform {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(migrator, "migrator");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(reader, "reader");
    }
}
