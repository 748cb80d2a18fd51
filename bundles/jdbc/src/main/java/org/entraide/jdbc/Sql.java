package org.entraide.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entraide.api.problem.ProblemException;

/**
 * Thin JDBC helpers, the one way the core and every plugin talk to their tables: bind parameters (instants as UTC
 * timestamps, enums by name, text without NUL), map rows, keep the SQLState of failures. Call it on the connection
 * {@code Transactions} gives. Stateless; any thread.
 */
public final class Sql {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A failed statement; unchecked, so that the transaction around it rolls back. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Failure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }

        /** Whether the statement broke a unique constraint (the same SQLState on H2 and PostgreSQL). */
        public boolean isUniqueViolation() {
            return Sql.isUniqueViolation((SQLException) getCause());
        }
    }

    private Sql() {
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static long count(Connection c, String sql, Object... params) {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /**
     * Inserts a row unless one with the same key is there, under a savepoint: when another transaction inserted it
     * first, only this statement is undone, not the caller's transaction, and the caller may update the winner's row.
     *
     * @return whether the row was inserted (false: a unique constraint kept it out)
     */
    public static boolean insertUnlessPresent(Connection c, String sql, Object... params) {
        try {
            java.sql.Savepoint before = c.setSavepoint();
            try {
                update(c, sql, params);
                c.releaseSavepoint(before);
                return true;
            } catch (Failure e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                c.rollback(before);
                return false;
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /**
     * Takes due work for this transaction: at most {@code limit} rows of {@code table} matching {@code where}, first in
     * {@code order}, locked until the transaction ends, skipping rows another transaction holds, so that timers on
     * several nodes never take the same row. The table's key is its {@code id} column; {@code params} are those of
     * {@code where}. On PostgreSQL one {@code ... LIMIT ? FOR UPDATE SKIP LOCKED}. H2 locks every row the condition
     * matches before it applies the limit (seconds per poll with a backlog of 20,000 rows, and again at the next
     * poll), so there the ids are read first without a lock and only those rows are locked, the condition checked again;
     * rows another transaction holds are skipped by reading the next ids.
     */
    public static <T> List<T> claim(Connection c, String columns, String table, String where, String order, int limit,
                                    RowMapper<T> mapper, Object... params) {
        if (!isH2(c)) {
            return list(c, "SELECT " + columns + " FROM " + table + " WHERE " + where + " ORDER BY " + order
                + " LIMIT ? FOR UPDATE SKIP LOCKED", mapper, append(params, limit));
        }
        // page by page past rows another transaction holds (they still match), ten pages at most per call
        List<T> taken = new ArrayList<>();
        for (int offset = 0; taken.size() < limit && offset < 10 * limit; ) {
            int page = limit - taken.size();
            List<Long> ids = list(c, "SELECT id FROM " + table + " WHERE " + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", rs -> rs.getLong(1), append(append(params, page), offset));
            if (ids.isEmpty()) {
                break;
            }
            Object[] all = new Object[ids.size() + params.length];
            System.arraycopy(ids.toArray(), 0, all, 0, ids.size());
            System.arraycopy(params, 0, all, ids.size(), params.length);
            taken.addAll(list(c, "SELECT " + columns + " FROM " + table + " WHERE id IN (" + String.join(", ",
                java.util.Collections.nCopies(ids.size(), "?")) + ") AND (" + where + ") ORDER BY " + order
                + " FOR UPDATE SKIP LOCKED", mapper, all));
            if (ids.size() < page) {
                break;
            }
            offset += page;
        }
        return taken;
    }

    private static boolean isH2(Connection c) {
        try {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] out = java.util.Arrays.copyOf(params, params.length + 1);
        out[params.length] = last;
        return out;
    }

    /** Inserts one row and returns its generated {@code id}. */
    public static long insert(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    /** Whether a failed statement broke a unique constraint. */
    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof String text && text.indexOf('\u0000') >= 0) {
                // PostgreSQL cannot store or even compare text with NUL: refuse it as bad input on both databases
                throw ProblemException.badRequest("text must not contain NUL characters");
            } else if (p instanceof LocalDate day) {
                ps.setObject(i + 1, day);
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
