package org.entraide.core.internal.db;

import java.sql.SQLException;

/** An unchecked SQL failure; {@link #sqlState()} tells constraint violations and conflicts apart. */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    public boolean isUniqueViolation() {
        return Dialect.isUniqueViolation((SQLException) getCause());
    }
}
