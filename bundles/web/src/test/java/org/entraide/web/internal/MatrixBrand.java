package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;

/**
 * A brand of the access matrix: created by the instance administrator, every capability enabled, one member
 * of each role, and one item of each kind of content so that every id a path can name exists.
 */
final class MatrixBrand {
    private static final String ROOT = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
    private static final String PASSWORD = "matrix-brand-password";

    final String slug;
    /** Callers by role: customer, moderator, manager, admin. */
    final Map<String, Member> members = new LinkedHashMap<>();
    /**
     * API keys of the brand as callers, by kind: "key read" (questions:read and complaints:read), "key all" (every
     * scope), "key revoked" and "key expired" (every scope, no longer valid; the test makes the last one expire).
     */
    final Map<String, String> keys = new LinkedHashMap<>();
    /** The scopes of each key of {@link #keys}. */
    final Map<String, List<String>> keyScopes = new LinkedHashMap<>();
    /** The value to put in a path for a parameter, by the path segment before it ("questions", "stores"…). */
    final Map<String, String> ids = new LinkedHashMap<>();
    private final Http http;
    private final Community community;

    private MatrixBrand(String slug, Http http) {
        this.slug = slug;
        this.http = http;
        this.community = new Community(http);
    }

    static MatrixBrand create(Http http, String storeCode) {
        MatrixBrand b = new MatrixBrand(Community.unique("matrix"), http);
        b.members(storeCode);
        b.enableEveryCapability();
        b.content(storeCode);
        return b;
    }

    /** Whether a response body shows one of this brand's members' e-mail addresses. */
    boolean showsAnEmail(String body) {
        return body != null && body.contains("@" + slug + ".example");
    }

    private void members(String storeCode) {
        Http.Response created = http.post("/api/v1/admin/brands", ROOT, Http.json("slug", slug, "name", "Brand " + slug,
            "adminEmail", "admin@" + slug + ".example", "adminPassword", PASSWORD, "adminPseudonym", "Admin-" + slug));
        assertEquals(201, created.status(), "brand " + slug + " is created: " + created);
        Member admin = community.login(slug, "admin@" + slug + ".example", PASSWORD);
        created(http.post(path("/stores"), admin.token(),
            Http.json("code", storeCode, "name", storeCode + " store", "city", "Lyon", "postalCode", "69001")), "store");
        members.put("customer", community.join(slug));
        members.put("moderator", role(admin, "MODERATOR", List.of()));
        members.put("manager", role(admin, "STORE_MANAGER", List.of(storeCode)));
        members.put("admin", admin);
    }

    private Member role(Member admin, String role, List<String> stores) {
        Member m = community.join(slug);
        Http.Response r = http.put(path("/members/" + m.id() + "/roles"), admin.token(),
            Http.json("roles", List.of(role), "storeCodes", stores));
        assertEquals(200, r.status(), "granting " + role + ": " + r);
        return m;
    }

    private void enableEveryCapability() {
        String admin = members.get("admin").token();
        Map<String, Object> all = new LinkedHashMap<>();
        http.get(path("/features"), admin).json().path("items").forEach(f -> all.put(f.path("name").asText(), true));
        Http.Response on = http.put(path("/features"), admin, Http.json(all.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray()));
        assertEquals(200, on.status(), "enabling " + all.keySet() + ": " + on);
    }

    /**
     * A question, an answer, a complaint on the store, a rule set holding questions, a question in the review queue,
     * a webhook; and the ids of each kind.
     */
    private void content(String storeCode) {
        Member customer = members.get("customer");
        Member admin = members.get("admin");
        Member moderator = members.get("moderator");
        String question = created(community.ask(customer, slug, "Which glue for tiles " + slug + "?",
            "Which glue holds bathroom tiles best?", null, List.of()), "question");
        String answer = created(community.answer(admin, slug, Long.parseLong(question), "A flexible cement glue."), "answer");
        String complaint = created(community.complain(customer, slug, "Empty shelf " + slug, "The shelf was empty all week.",
            storeCode, false), "complaint");
        String ruleSet = created(http.post(path("/moderation/rulesets"), moderator.token(), "{\"name\":\"Matrix\",\"active\":true,"
            + "\"rules\":[{\"name\":\"matrix-rule\",\"action\":\"HOLD\",\"condition\":{\"type\":\"postType\",\"types\":[\"QUESTION\"]},"
            + "\"reason\":{\"fr\":\"Relue\",\"en\":\"Reviewed\"}}]}"), "rule set");
        String webhook = created(http.post(path("/webhooks"), admin.token(),
            "{\"url\":\"http://127.0.0.1:9/matrix\",\"eventTypes\":[\"post.published\"]}"), "webhook");
        String queueItem = heldItem(customer, moderator);
        JsonNode badges = http.get(path("/badges"), admin.token()).json();
        ids.put("questions", question);
        ids.put("answers", answer);
        ids.put("posts", answer);
        ids.put("complaints", complaint);
        ids.put("users", String.valueOf(customer.id()));
        ids.put("members", String.valueOf(customer.id()));
        ids.put("managers", String.valueOf(members.get("manager").id()));
        ids.put("stores", storeCode);
        ids.put("rulesets", ruleSet);
        ids.put("webhooks", webhook);
        ids.put("queue", queueItem);
        ids.put("badges", badges.path("items").path(0).path("key").asText("unknown-badge"));
        apiKeys(admin);
    }

    private static final List<String> ALL_SCOPES = List.of("complaints:read", "complaints:respond", "stores:manage",
        "questions:read", "posts:write", "webhooks:manage");

    /** The keys that call as callers, and one more whose id paths name (an admin's DELETE revokes it). */
    private void apiKeys(Member admin) {
        key(admin, "key read", List.of("questions:read", "complaints:read"));
        key(admin, "key all", ALL_SCOPES);
        key(admin, "key revoked", ALL_SCOPES);
        key(admin, "key expired", ALL_SCOPES);
        Http.Response spare = http.post(path("/api-keys"), admin.token(), Http.json("name", "spare", "scopes", ALL_SCOPES));
        ids.put("api-keys", created(spare, "spare API key"));
        for (JsonNode k : http.get(path("/api-keys"), admin.token()).json().path("items")) {
            if (k.path("name").asText().equals("key revoked")) {
                assertEquals(204, http.delete(path("/api-keys/" + k.path("id").asLong()), admin.token()).status(), "revoked");
            }
        }
    }

    private void key(Member admin, String kind, List<String> scopes) {
        Http.Response r = http.post(path("/api-keys"), admin.token(), Http.json("name", kind, "scopes", scopes));
        assertEquals(201, r.status(), "API key " + kind + ": " + r);
        keys.put(kind, r.json().path("key").asText());
        keyScopes.put(kind, scopes);
    }

    /** The rule set holds questions: one more question waits in the review queue, as an item to name. */
    private String heldItem(Member customer, Member moderator) {
        created(community.ask(customer, slug, "A held question " + slug, "Which paint for a damp cellar?", null, List.of()),
            "held question");
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> http.get(path("/moderation/queue"), moderator.token()).json().path("items").size() > 0);
        return http.get(path("/moderation/queue"), moderator.token()).json().path("items").path(0).path("id").asText();
    }

    private String path(String rest) {
        return "/api/v1/brands/" + slug + rest;
    }

    private static String created(Http.Response r, String what) {
        assertEquals(201, r.status(), "creating a " + what + ": " + r);
        return r.json().get("id").asText();
    }
}
