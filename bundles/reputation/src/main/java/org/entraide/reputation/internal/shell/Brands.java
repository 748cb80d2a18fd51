package org.entraide.reputation.internal.shell;

import java.util.Optional;

import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * Finds a brand's id from its slug for the shell commands. The API gives plugins no brand directory (the HTTP
 * layer resolves brands for endpoints), so this reads the core's {@code brand} table: its id and slug only.
 */
final class Brands {
    private Brands() {
    }

    static Optional<Long> id(Transactions tx, String slug) {
        return tx.inTransaction(c -> Sql.one(c, "SELECT id FROM brand WHERE slug = ?", rs -> rs.getLong(1), slug));
    }
}
