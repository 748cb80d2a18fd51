package org.entraide.jdbc.pool.internal;

import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.ops4j.pax.jdbc.pool.common.PooledDataSourceFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HikariCP pooling for pax-jdbc-config: a datasource configured with {@code pool = hikari} and {@code xa = false}
 * gets its connections from this factory, exactly as it did from pax-jdbc-pool-hikaricp, whose 1.5.7 (the newest)
 * accepts only HikariCP 4. Called by pax-jdbc-config's service tracker when the configuration, the driver and this
 * service are all there; the pool it returns is closed by pax-jdbc-config when one of them goes.
 */
@Component(service = PooledDataSourceFactory.class,
    property = { PooledDataSourceFactory.POOL_KEY + "=hikari", PooledDataSourceFactory.XA_KEY + "=false" })
public final class HikariPoolFactory implements PooledDataSourceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(HikariPoolFactory.class);

    /**
     * Fails with an SQLException, which pax-jdbc-config logs and then registers no datasource, when a pool setting
     * is wrong or the first connection cannot be opened: an exception of another kind would escape into the
     * framework's service events.
     */
    @Override
    public DataSource create(DataSourceFactory driver, Properties config) throws SQLException {
        try {
            PoolSettings settings = PoolSettings.of(config);
            HikariConfig pool = settings.hikariConfig();
            pool.setDataSource(driver.createDataSource(settings.driverProperties()));
            return open(pool);
        } catch (SQLException e) {
            LOG.error("Database pool not created: {}", e.getMessage());
            throw e;
        }
    }

    private static HikariDataSource open(HikariConfig pool) throws SQLException {
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new SQLException("HikariCP could not start the pool: " + e.getMessage(), e);
        }
    }
}
