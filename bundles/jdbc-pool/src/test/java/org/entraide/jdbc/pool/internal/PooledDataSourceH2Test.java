package org.entraide.jdbc.pool.internal;

import java.util.Properties;
import java.util.UUID;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.osgi.service.jdbc.DataSourceFactory;

class PooledDataSourceH2Test extends PooledDataSourceScenarios {
    @Override
    DataSourceFactory driver() {
        return new OsgiDataSourceFactory(Driver.load());
    }

    @Override
    Properties database() {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:pool" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        p.setProperty(DataSourceFactory.JDBC_USER, "sa");
        return p;
    }

    @Override
    Properties unreachableDatabase() {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:file:./target/absent/db;IFEXISTS=TRUE");
        p.setProperty(DataSourceFactory.JDBC_USER, "sa");
        return p;
    }

    @Override
    boolean reportsReadOnly() {
        return false;
    }

    @Override
    String initSql() {
        return "SET @WHO = 'entraide'";
    }

    @Override
    String initSqlProof() {
        return "SELECT @WHO";
    }
}
