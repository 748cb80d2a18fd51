package org.entraide.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.TransactionWork;
import org.entraide.api.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the platform DataSource. The connection of the current transaction is kept per
 * thread so that nested calls (a service calling the event log, a plugin step) join it.
 */
public final class Database implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Serialization failure, deadlock (PostgreSQL and H2), H2 lock timeout. */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00");
    private static final int ATTEMPTS = 4;

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** What the current transaction asked to run once it is committed (dropped on rollback). */
    private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();
    private final Dialect dialect;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code action} once the current transaction is committed, on its thread, before its caller goes on; right
     * away outside a transaction; never if it rolls back. A failing action is logged: the commit stands.
     */
    public void afterCommit(Runnable action) {
        java.util.List<Runnable> actions = afterCommit.get();
        if (current.get() == null || actions == null) {
            runQuietly(action);
        } else {
            actions.add(action);
        }
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            return runJoined(joined, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (SQLException e) {
                if (!TRANSIENT.contains(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new IllegalStateException("database error: " + e.getMessage(), e);
                }
                LOG.debug("transient conflict (SQLState {}), attempt {}", e.getSQLState(), attempt);
            }
        }
    }

    private <T> T runOnce(TransactionWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            current.set(c);
            java.util.List<Runnable> actions = new java.util.ArrayList<>();
            afterCommit.set(actions);
            try {
                T result = work.run(c);
                c.commit();
                actions.forEach(Database::runQuietly);
                return result;
            } catch (SQLException e) {
                rollback(c);
                throw e;
            } catch (RuntimeException e) {
                rollback(c);
                SQLException sql = transientCause(e);
                if (sql != null) {
                    throw sql;
                }
                throw e;
            } catch (Exception e) {
                rollback(c);
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                current.remove();
                afterCommit.remove();
                c.setAutoCommit(true);
            }
        }
    }

    private static <T> T runJoined(Connection c, TransactionWork<T> work) {
        try {
            return work.run(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }


    /** A transient SQL failure wrapped by {@link Sql} is retried like a direct one. */
    private static SQLException transientCause(RuntimeException e) {
        if (e instanceof ProblemException) {
            return null;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && TRANSIENT.contains(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action after commit failed: {}", e.toString());
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }
}
