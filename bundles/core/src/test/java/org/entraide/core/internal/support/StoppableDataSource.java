package org.entraide.core.internal.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A database that can be made unreachable and reachable again, as when its server stops and restarts. */
public final class StoppableDataSource implements DataSource {
    private final DataSource target;
    private volatile boolean stopped;

    public StoppableDataSource(DataSource target) {
        this.target = target;
    }

    public DataSource target() {
        return target;
    }

    public void stop() {
        stopped = true;
    }

    public void start() {
        stopped = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhenStopped();
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        refuseWhenStopped();
        return target.getConnection(user, password);
    }

    private void refuseWhenStopped() throws SQLException {
        if (stopped) {
            throw new SQLException("Connection refused: the database server is stopped", "08001");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
