package org.entraide.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

/** The few places where H2 and PostgreSQL differ. Everything else is the same SQL. */
public enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product.startsWith("H2")) {
            return H2;
        }
        if (product.startsWith("PostgreSQL")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database: " + product + " (H2 or PostgreSQL)");
    }

    /** Case-insensitive substring match, for search. */
    public String containsIgnoreCase(String column) {
        return this == POSTGRESQL ? column + " ILIKE ?" : "LOWER(" + column + ") LIKE LOWER(?)";
    }
}
