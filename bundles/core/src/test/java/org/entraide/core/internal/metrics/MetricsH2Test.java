package org.entraide.core.internal.metrics;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.support.TestDatabases;

class MetricsH2Test extends MetricsScenarios {
    /** Pooled by Hikari as in Karaf, so that the pool's series are there. */
    @Override
    protected DataSource database() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(TestDatabases.h2());
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }
}
