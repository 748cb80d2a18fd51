package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.entraide.web.internal.RestOperations.Operation;
import org.entraide.web.internal.WebTestBase.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The access matrix: every REST operation the server runs (read from Camel, so a new route is covered without
 * editing this test), called by every kind of caller of two brands, on brand A's paths with A's ids and with
 * B's ids. It fails on any 5xx, on a write that succeeds for someone who may not write there, and on another
 * brand's members' e-mail addresses in a body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AccessMatrixScenarios {
    /** Writes anybody may make, brand or not: they are how one gets a token, or gives it back. */
    private static final Set<String> ANONYMOUS_WRITES = Set.of(
        "POST /api/v1/auth/register", // joining a brand's community
        "POST /api/v1/auth/login", // getting a token
        "POST /api/v1/auth/logout", // revoking the caller's own token, whatever its brand
        "POST /api/v1/brands/{brand}/password-reset"); // asking for a reset link, answered alike for any address

    /**
     * Defects the matrix found that are not fixed yet, by "METHOD template | caller | ids": each stays visible
     * here, and the test fails once it is fixed so that its entry is removed.
     */
    private static final Map<String, String> KNOWN_DEFECTS = Map.of();

    private final Db db;
    private DataSource dataSource;
    private TestServer server;
    private Http http;
    private MatrixBrand a;
    private MatrixBrand b;
    private MinimalBodies bodies;
    private DescriptionConformance conformance;

    AccessMatrixScenarios(Db db) {
        this.db = db;
    }

    /**
     * Who calls: nobody, a member of one of the brands in one role, or an API key of one of the brands; a key's
     * {@code scopes} are null for a member.
     */
    private record Caller(String kind, MatrixBrand brand, String token, List<String> scopes) {
        Caller(String kind, MatrixBrand brand, String token) {
            this(kind, brand, token, null);
        }

        boolean isKey() {
            return scopes != null;
        }

        /** A revoked or expired key: refused (401) by every operation. */
        boolean deadKey() {
            return isKey() && (kind.endsWith("revoked") || kind.endsWith("expired"));
        }
    }

    /** One call's outcome, counted per caller kind. */
    private record Outcome(String key, int status, String body) {
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
        server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c, "UPDATE api_key SET expires_at = created_at "
            + "WHERE secret_hash = ?", org.entraide.core.internal.security.Tokens.digest(a.keys.get("key expired"))));
        JsonNode description = http.get("/api/v1/openapi.json", null).json();
        bodies = new MinimalBodies(description);
        conformance = new DescriptionConformance(description);
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
    @Order(1)
    void noOperationLeaksOrFailsForAnyCallerOfTwoBrands() {
        List<Operation> ops = RestOperations.of(server.camel());
        System.out.println("[access matrix] " + ops.size() + " REST operations on " + db);
        assertTrue(ops.size() > 50, "the core's and the plugins' operations are all registered: " + ops);
        long described = ops.stream().filter(op -> op.isWrite() && bodies.describes(op)).count();
        long writes = ops.stream().filter(Operation::isWrite).count();
        System.out.println("[access matrix] " + writes + " writes, " + described + " with a body schema in openapi.json");
        ops.stream().filter(op -> !op.unresolved(a.ids).isEmpty())
            .forEach(op -> System.out.println("[access matrix] no id of the brand for " + op.unresolved(a.ids) + " in " + op));
        Tally tally = run(ops);
        tally.print(db);
        List<String> unexpected = tally.failures(KNOWN_DEFECTS);
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected outcomes:\n" + String.join("\n", unexpected));
        System.out.println("[access matrix] " + conformance.checked() + " answers checked against openapi.json, "
            + conformance.drifts().size() + " drifts");
        conformance.drifts().forEach((k, v) -> System.out.println("[access matrix] DRIFT " + k + " | " + v));
        assertTrue(conformance.drifts().isEmpty(), "answers differ from the description:\n"
            + String.join("\n", conformance.drifts().keySet()));
    }

    /** The matrix sees a route added after it was written, and notices a leak, an e-mail shown and a 500 in it. */
    @Test
    @Order(2)
    void aNewLeakyRouteIsCoveredAndCaught() throws Exception {
        List<Operation> before = RestOperations.of(server.camel());
        server.camel().addRoutes(new LeakyRoutes(a.members.get("admin").email()));
        List<Operation> added = new ArrayList<>(RestOperations.of(server.camel()));
        added.removeAll(before);
        assertEquals(3, added.size(), "the three routes added: " + added);
        Set<String> caught = new TreeSet<>();
        run(added).failures(Map.of()).forEach(f -> caught.add(f.substring(0, f.indexOf(" | "))));
        assertEquals(Set.of("GET /api/v1/brands/{brand}/matrix-broken/{id}", "GET /api/v1/brands/{brand}/matrix-emails",
            "POST /api/v1/brands/{brand}/matrix-leak"), caught);
    }

    /** Every operation as every caller; the other brand's callers first, so that A's own deletions hide no leak. */
    private Tally run(List<Operation> ops) {
        List<Caller> foreign = new ArrayList<>(List.of(new Caller("anonymous", null, null)));
        b.members.forEach((role, m) -> foreign.add(new Caller("B " + role, b, m.token())));
        foreign.add(new Caller("B key all", b, b.keys.get("key all"), b.keyScopes.get("key all")));
        List<Caller> own = new ArrayList<>();
        a.members.forEach((role, m) -> own.add(new Caller("A " + role, a, m.token())));
        a.keys.forEach((kind, key) -> own.add(new Caller("A " + kind, a, key, a.keyScopes.get(kind))));
        Tally tally = new Tally();
        for (List<Caller> group : List.of(foreign, own)) {
            for (Operation op : ops) {
                for (Caller caller : group) {
                    tally.add(caller.kind(), check(op, caller, false, tally));
                    // a write the description does not cover may name ids in its body: tried with B's ids too
                    if (op.namesIds() || bodies.namesIds(op, a.ids, b.ids) || op.isWrite() && !bodies.describes(op)) {
                        tally.add(caller.kind(), check(op, caller, true, tally));
                    }
                }
            }
        }
        return tally;
    }

    /** Calls op on brand A's path, with A's ids or B's, and says what is wrong with the answer, if anything. */
    private Outcome check(Operation op, Caller caller, boolean otherBrandsIds, Tally tally) {
        Map<String, String> ids = otherBrandsIds ? b.ids : a.ids;
        String path = op.path(a.slug, ids);
        String key = op + " | " + caller.kind() + " | " + (otherBrandsIds ? "B ids" : "A ids");
        String sent = op.isWrite() && !op.method().equals("DELETE") ? bodies.body(op, ids) : null;
        boolean otherIdsSent = otherBrandsIds && (!path.equals(op.path(a.slug, a.ids))
            || sent != null && !sent.equals(bodies.body(op, a.ids)));
        Http.Response r = send(op, path, caller, sent);
        if (r.status() == 400 && sent != null && !bodies.describes(op)) {
            // not in the description yet: one more call, with the fields the problem named
            String guessed = MinimalBodies.fromProblem(r.json(), ids);
            if (guessed != null) {
                tally.probes++;
                otherIdsSent |= otherBrandsIds && !guessed.equals(MinimalBodies.fromProblem(r.json(), a.ids));
                sent = guessed;
                r = send(op, path, caller, sent);
            }
        }
        int status = r.status();
        String body = r.raw().body();
        conformance.check(op, key, status, r.header("Content-Type"), body);
        boolean ok = status >= 200 && status < 300;
        boolean outsider = caller.brand() != a;
        String wrong = null;
        if (status >= 500) {
            wrong = "a server error";
        } else if (caller.deadKey() && (ok || status == 403)) {
            // 401 wherever credentials are read; the one-click unsubscribe (RFC 8058) reads none, and answers anyone alike
            wrong = "a revoked or expired API key not refused with 401";
        } else if (ok && caller.isKey() && outsider) {
            wrong = "an API key of another brand let in";
        } else if (ok && caller.isKey() && !org.entraide.core.internal.apikey.ApiKeyScopes.required(op.method(), op.template())
                .map(caller.scopes()::contains).orElse(false)) {
            wrong = "an API key let in outside its scopes";
        } else if (ok && op.template().startsWith("/api/v1/admin/")) {
            wrong = "no caller here is the instance administrator";
        } else if (ok && op.isWrite() && outsider && !ANONYMOUS_WRITES.contains(op.toString())) {
            wrong = "a write by a caller who is not a member of brand A";
        } else if (ok && op.isWrite() && otherIdsSent) {
            wrong = "brand B's ids accepted in a write on brand A's path";
        } else if (ok && outsider && a.showsAnEmail(body)) {
            wrong = "brand A's members' e-mail addresses shown to a caller outside brand A";
        } else if (ok && otherBrandsIds && b.showsAnEmail(body)) {
            wrong = "brand B's members' e-mail addresses shown through brand A's path";
        } else if (ok && body.contains(b.slug)) {
            // B's slug is in its admin's pseudonym and in its content's titles: B's data read through A's path
            wrong = "brand B's data in an answer on brand A's path";
        }
        return new Outcome(key, status, wrong == null ? null
            : wrong + ": " + status + " " + path + (sent == null ? "" : " " + sent) + " -> " + abbreviated(body));
    }

    private Http.Response send(Operation op, String path, Caller caller, String body) {
        HttpRequest.Builder request = http.builder(path, caller.token());
        if (op.method().equals("DELETE")) {
            request.DELETE();
        } else if (body != null) {
            request.header("Content-Type", "application/json").method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        return http.send(request);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Counts per caller kind and status class, and the unexpected outcomes. */
    private static final class Tally {
        private final Map<String, int[]> byCaller = new TreeMap<>();
        private final Map<String, String> wrong = new TreeMap<>();
        private int calls;
        private int probes;

        void add(String caller, Outcome o) {
            calls++;
            byCaller.computeIfAbsent(caller, k -> new int[6])[o.status() / 100]++;
            if (o.body() != null) {
                wrong.put(o.key(), o.body());
            }
        }

        void print(Db db) {
            System.out.println("[access matrix] " + calls + " checked calls (+" + probes + " calls to learn an undescribed body) on "
                + db + "; per caller: 2xx 3xx 4xx 5xx");
            byCaller.forEach((caller, n) -> System.out.printf("[access matrix]   %-12s %4d %4d %4d %4d%n", caller, n[2], n[3], n[4], n[5]));
            wrong.forEach((key, what) -> System.out.println("[access matrix] " + (KNOWN_DEFECTS.containsKey(key) ? "known defect " : "UNEXPECTED ")
                + key + ": " + what));
        }

        List<String> failures(Map<String, String> known) {
            List<String> out = new ArrayList<>();
            wrong.forEach((key, what) -> {
                if (!known.containsKey(key)) {
                    out.add(key + ": " + what);
                }
            });
            known.keySet().stream().filter(k -> !wrong.containsKey(k))
                .forEach(k -> out.add(k + ": fixed, remove it from KNOWN_DEFECTS"));
            return out;
        }
    }
}
