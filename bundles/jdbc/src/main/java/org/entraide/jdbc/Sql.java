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
