package org.entraide.core.internal.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Looks for a text in every text column of every table of the database, whichever bundle's migrations made it: what
 * an erasure must leave nowhere (a member's e-mail address, their pseudonym).
 */
public final class PersonalDataScan {
    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR,
        Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    private PersonalDataScan() {
    }

    /** Every "table.column" holding {@code text} (compared lower-cased), and how many tables were read. */
    public record Found(List<String> places, int tables) {
    }

    public static Found find(DataSource dataSource, String text) {
        String needle = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<String> places = new ArrayList<>();
        int tables = 0;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                tables++;
                try (ResultSet cols = meta.getColumns(null, schema, table, "%")) {
                    while (cols.next()) {
                        if (!TEXT.contains(cols.getInt("DATA_TYPE"))) {
                            continue;
                        }
                        String column = cols.getString("COLUMN_NAME");
                        String sql = "SELECT COUNT(*) FROM \"" + table + "\" WHERE LOWER(\"" + column + "\") LIKE ? ESCAPE '\\'";
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            ps.setString(1, needle);
                            try (ResultSet n = ps.executeQuery()) {
                                n.next();
                                if (n.getLong(1) > 0) {
                                    places.add(table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scan failed: " + e.getMessage(), e);
        }
        return new Found(places, tables);
    }
}
