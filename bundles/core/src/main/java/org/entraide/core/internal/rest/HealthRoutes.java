package org.entraide.core.internal.rest;

import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.rest.openapi.Doc;

/** {@code GET /api/v1/health}: the API answers and the database is reachable. */
public final class HealthRoutes extends ApiRoutes {
    private final Database db;

    public HealthRoutes(ApiDispatcher dispatcher, Database db) {
        super(dispatcher);
        this.db = db;
    }

    @Override
    public void configure() {
        get("/health", "health", Doc.of("Whether the API answers and its database is reachable").returns(Health.class),
            r -> ApiReply.ok(new Health("UP", db.dialect().name(),
                db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM brand")))));
    }

    /** {@code database} is the SQL dialect in use; {@code brands} how many brands it holds. */
    public record Health(String status, String database, long brands) {
    }
}
