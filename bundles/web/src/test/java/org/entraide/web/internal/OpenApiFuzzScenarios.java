package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.entraide.web.internal.FuzzRequests.Case;
import org.entraide.web.internal.RestOperations.Operation;
import org.entraide.web.internal.WebTestBase.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A fuzzer over the served OpenAPI description, every plugin installed: for every operation, valid and invalid
 * requests generated from its schemas, sent by an anonymous caller and by a signed-in brand admin. Bad input must
 * be a 4xx, never a 5xx, and every answer is one the description documents ({@link DescriptionConformance}). The
 * seed is printed; {@code -Dentraide.fuzz.seed=N} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenApiFuzzScenarios {
    /** Random body mutations per operation that takes a body, on top of the fixed cases. */
    private static final int MUTATIONS = 40;

    private final Db db;
    private DataSource dataSource;
    private TestServer server;
    private Http http;
    private MatrixBrand a;
    private MatrixBrand b;

    OpenApiFuzzScenarios(Db db) {
        this.db = db;
    }

    @BeforeAll
    void start() throws Exception {
        dataSource = db == Db.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        server = new TestServer(dataSource);
        Plugins.localManagers(server);
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Plugins.webhooks(server);
        Plugins.notifications(server);
        http = new Http(server.base());
        a = MatrixBrand.create(http, "A-STORE");
        b = MatrixBrand.create(http, "B-STORE");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (db == Db.POSTGRES && dataSource != null) {
            TestDatabases.dropPostgres(dataSource);
        }
    }

    @Test
    void everyGeneratedRequestGetsADescribedAnswerNeverAServerError() {
        long seed = Long.getLong("entraide.fuzz.seed", System.nanoTime());
        JsonNode description = http.get("/api/v1/openapi.json", null).json();
        FuzzRequests generator = new FuzzRequests(description, seed);
        DescriptionConformance conformance = new DescriptionConformance(description);
        // deletions and logging out last, so that what they remove does not hide what comes before
        List<Operation> ops = new ArrayList<>(generator.operations());
        ops.sort(Comparator.comparing((Operation o) -> o.template().endsWith("/logout"))
            .thenComparing(o -> o.method().equals("DELETE")).thenComparing(Operation::template).thenComparing(Operation::method));
        assertTrue(ops.size() > 50, "the description lists the core's and the plugins' operations: " + ops.size());
        Map<String, int[]> counts = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int calls = 0;
        for (Operation op : ops) {
            for (Case c : generator.cases(op, a.slug, a.ids, b.ids, MUTATIONS)) {
                for (String caller : List.of("anonymous", "admin")) {
                    String token = caller.equals("admin") ? a.members.get("admin").token() : null;
                    Http.Response r;
                    calls++;
                    try {
                        r = send(op, c, token);
                    } catch (IllegalStateException e) {
                        counts.computeIfAbsent(caller, k -> new int[6])[5]++;
                        errors.add("no answer " + what(op, caller, c) + " -> " + e.getMessage());
                        continue;
                    }
                    counts.computeIfAbsent(caller, k -> new int[6])[r.status() / 100]++;
                    conformance.check(op, caller + " " + c.what() + " " + FuzzRequests.abbreviated(c.path()), r.status(),
                        r.header("Content-Type"), r.raw().body());
                    if (r.status() >= 500) {
                        errors.add(r.status() + " " + what(op, caller, c) + " -> " + FuzzRequests.abbreviated(r.raw().body()));
                    }
                }
            }
        }
        System.out.println("[fuzz] seed " + seed + " on " + db + ": " + ops.size() + " operations, " + calls
            + " requests; per caller: 2xx 3xx 4xx 5xx");
        counts.forEach((caller, n) -> System.out.printf("[fuzz]   %-10s %5d %5d %5d %5d%n", caller, n[2], n[3], n[4], n[5]));
        errors.forEach(e -> System.out.println("[fuzz] SERVER ERROR " + e));
        System.out.println("[fuzz] " + conformance.checked() + " answers checked against the description, "
            + conformance.drifts().size() + " drifts");
        conformance.drifts().forEach((k, v) -> System.out.println("[fuzz] DRIFT " + k + " | " + v));
        assertTrue(errors.isEmpty(), errors.size() + " server errors (seed " + seed + "):\n" + String.join("\n", errors));
        assertTrue(conformance.drifts().isEmpty(), conformance.drifts().size() + " answers differ from the description (seed "
            + seed + "):\n" + String.join("\n", conformance.drifts().keySet()));
    }

    private static String what(Operation op, String caller, Case c) {
        return op + " | " + caller + " | " + c.what() + " | " + FuzzRequests.abbreviated(c.path()) + " "
            + FuzzRequests.abbreviated(String.valueOf(c.body()));
    }

    private Http.Response send(Operation op, Case c, String token) {
        HttpRequest.Builder request = http.builder(c.path(), token);
        if (c.body() != null) {
            request.header("Content-Type", "application/json").method(op.method(), HttpRequest.BodyPublishers.ofString(c.body()));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request);
    }
}
