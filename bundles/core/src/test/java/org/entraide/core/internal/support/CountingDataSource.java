package org.entraide.core.internal.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that counts the statements the current thread prepares while {@link #count} runs: what a read costs
 * in round trips to the database, whatever the other threads (timers, dispatcher) do meanwhile.
 */
public final class CountingDataSource implements DataSource {
    public final DataSource inner;
    private final ThreadLocal<List<String>> seen = new ThreadLocal<>();

    public CountingDataSource(DataSource inner) {
        this.inner = inner;
    }

    /** The statements {@code work} prepared on this thread, in order. */
    public List<String> count(Runnable work) {
        List<String> statements = new ArrayList<>();
        seen.set(statements);
        try {
            work.run();
        } finally {
            seen.remove();
        }
        return statements;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(inner.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return counting(inner.getConnection(user, password));
    }

    private Connection counting(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
                List<String> statements = seen.get();
                if (statements != null && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")
                    || method.getName().equals("createStatement"))) {
                    statements.add(args == null || args.length == 0 ? "(statement)" : String.valueOf(args[0]));
                }
                try {
                    return method.invoke(c, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return inner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return inner.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return inner.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return inner.isWrapperFor(iface);
    }
}
