package org.entraide.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.db.Sql;

/** {@code GET /api/v1/health}: the API answers and the database is reachable. */
public final class HealthRoutes extends ApiRoutes {
    private final Database db;

    public HealthRoutes(ApiDispatcher dispatcher, Database db) {
        super(dispatcher);
        this.db = db;
    }

    @Override
    public void configure() {
        get("/health", "health", r -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("database", db.dialect().name());
            body.put("brands", db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM brand")));
            return ApiReply.ok(body);
        });
    }
}
