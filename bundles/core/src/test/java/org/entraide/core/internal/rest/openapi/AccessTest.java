package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/** The security the description states is the one enforced: without credentials, exactly the secured operations answer 401. */
class AccessTest {
    @Test
    void exactlyTheSecuredOperationsRefuseAnonymousCallers() throws Exception {
        try (TestServer server = new TestServer(TestDatabases.h2())) {
            new DemoSeeder(server.core).seedIfAbsent();
            Described api = OpenApiServedTest.described(server);
            Http http = new Http(server.base());
            List<String> wrong = new ArrayList<>();
            api.doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                boolean secured = secured(op.getValue());
                // an existing brand: routes look it up before the caller, and its 404 would hide the 401
                String url = path.getKey().replace("{brand}", "demo").replace("{id}", "1").replace("{code}", "PARIS-BERCY").replace("{kind}", "question")
                    .replace("{token}", "x".repeat(43))
                    .replace("{key}", "question").replace("{name}", "entraide-badges");
                HttpRequest.Builder b = http.builder(url, null);
                b.header("Content-Type", "application/json").method(method, method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                int status = http.send(b).status();
                if (secured != (status == 401)) {
                    wrong.add(method + " " + path.getKey() + (secured ? " is secured" : " is public")
                        + " but answered " + status);
                }
            }));
            assertEquals(List.of(), wrong);
        }
    }

    /** Secured when every security requirement names a scheme; [{}] among them means credentials are optional. */
    private static boolean secured(JsonNode op) {
        JsonNode security = op.path("security");
        if (security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
