package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.Requests;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request schemas say what the request records accept, and the limits they state are the ones enforced. */
class RequestSchemaTest {
    private static TestServer server;
    private static Described api;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(TestDatabases.h2());
        api = OpenApiServedTest.described(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRequestSchemaHasTheRecordsComponentsAndRequiresTheNotNullOnes() throws Exception {
        Set<Class<?>> bodies = new HashSet<>();
        for (Endpoint e : endpoints()) {
            Class<?> record = e.doc().body();
            JsonNode schema = api.requestSchema(e.method(), e.path());
            if (record == null && e.doc().upload() != null) {
                // a raw body (an image), described by its media types rather than a JSON schema
                assertTrue(schema != null && schema.isMissingNode(), e.operationId() + " reads an upload, not JSON");
                continue;
            }
            if (record == null) {
                assertEquals(null, schema, e.operationId() + " reads no body");
                continue;
            }
            assertNotNull(schema, e.operationId() + " reads a " + record.getSimpleName());
            if (!record.isRecord()) {
                assertEquals("object", schema.path("type").asText(), e.operationId() + " reads a free-form object");
                continue;
            }
            bodies.add(record);
            List<String> components = new ArrayList<>();
            Set<String> required = new HashSet<>();
            for (RecordComponent rc : record.getRecordComponents()) {
                components.add(rc.getName());
                // read from the field, not the way the generator reads them
                Field field = record.getDeclaredField(rc.getName());
                if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)) {
                    required.add(rc.getName());
                }
            }
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(components, properties, e.operationId() + ": properties of " + record.getName());
            Set<String> documentedRequired = new HashSet<>();
            schema.path("required").forEach(n -> documentedRequired.add(n.asText()));
            assertEquals(required, documentedRequired, e.operationId() + ": required properties of " + record.getName());
            assertFalse(schema.path("additionalProperties").asBoolean(true), "unknown properties are rejected");
        }
        Set<Class<?>> declared = new HashSet<>(
            Arrays.stream(Requests.class.getDeclaredClasses()).filter(Class::isRecord).toList());
        assertEquals(declared, bodies, "every request record is the body of an endpoint");
    }

    @Test
    void constraintsBecomeSchemaKeywords() {
        JsonNode register = api.resolve(api.doc.at("/components/schemas/Requests.Register"));
        assertEquals(10, register.at("/properties/password/minLength").asInt());
        assertEquals(128, register.at("/properties/password/maxLength").asInt());
        assertEquals("email", register.at("/properties/email/format").asText());
        assertEquals("^(?:[\\p{L}\\p{N}_.-]+)$", register.at("/properties/pseudonym/pattern").asText());
        JsonNode vote = api.doc.at("/components/schemas/Requests.Vote/properties/value");
        assertEquals("integer", vote.path("type").asText(), "a required value is never null");
        assertEquals(-1, vote.path("minimum").asInt());
        assertEquals(1, vote.path("maximum").asInt());
        JsonNode accept = api.doc.at("/components/schemas/Requests.Accept/properties/answerId");
        assertEquals("[\"integer\",\"null\"]", accept.path("type").toString(), "a null answerId withdraws");
        JsonNode tags = api.doc.at("/components/schemas/Requests.Question/properties/tags");
        assertEquals(5, tags.path("maxItems").asInt());
        assertEquals("^(?:" + "[a-z0-9][a-z0-9-]{0,29}" + ")$", tags.at("/items/pattern").asText());
        JsonNode latitude = api.doc.at("/components/schemas/Requests.Store/properties/latitude");
        assertEquals(-90, latitude.path("minimum").asInt());
        assertEquals(90, latitude.path("maximum").asInt());
        JsonNode roles = api.doc.at("/components/schemas/Requests.Roles/properties/roles");
        assertEquals(true, roles.path("uniqueItems").asBoolean());
        assertEquals("[\"CUSTOMER\",\"MODERATOR\",\"STORE_MANAGER\",\"BRAND_ADMIN\"]", roles.at("/items/enum").toString());
    }

    /** The limits are read from the description, so the check holds whatever they become. */
    @Test
    void theDocumentedLimitsAreTheEnforcedOnes() {
        Http http = new Http(server.base());
        JsonNode password = api.doc.at("/components/schemas/Requests.Register/properties/password");
        int max = password.path("maxLength").asInt();
        int min = password.path("minLength").asInt();
        assertRegister(http, uncommon(max + 1), 400, "p1");
        assertRegister(http, uncommon(min - 1), 400, "p2");
        assertRegister(http, uncommon(max), 202, "p3");
        assertRegister(http, uncommon(min), 202, "p4");
        Http.Response unknown = http.post("/api/v1/auth/register", null, "{\"brand\":\"x\",\"email\":\"a@b.example\","
            + "\"password\":\"0123456789\",\"pseudonym\":\"abc\",\"extra\":1}");
        assertEquals(400, unknown.status(), "additionalProperties false: " + unknown);
        assertEquals("extra", unknown.json().at("/errors/0/field").asText(), unknown.toString());
    }

    /** A password of that length that no list of common passwords holds. */
    private static String uncommon(int length) {
        return "kq7-Zx3-Wv9-".repeat(length / 12 + 1).substring(0, length);
    }

    private static void assertRegister(Http http, String password, int status, String who) {
        server.core.administration.createBrand("b-" + who, "B", "admin@" + who + ".example", "brand-admin-password", "Admin-" + who);
        Http.Response r = http.post("/api/v1/auth/register", null, "{\"brand\":\"b-" + who + "\",\"email\":\"u@" + who
            + ".example\",\"password\":\"" + password + "\",\"pseudonym\":\"user-" + who + "\"}");
        assertEquals(status, r.status(), "password of " + password.length() + ": " + r);
        if (status == 400) {
            assertEquals("password", r.json().at("/errors/0/field").asText(), r.toString());
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        server.core.routes.stream().filter(ApiRoutes.class::isInstance).forEach(r -> all.addAll(((ApiRoutes) r).endpoints()));
        return all;
    }
}
