package org.entraide.core.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.demo.DemoSeeder;

/**
 * The community seen by its members over HTTP: who joins, logs in, asks, answers and complains.
 * Every call that a test only uses as a step asserts its success, so a failing step names itself.
 */
public final class Community {
    /** A logged-in account. */
    public record Member(long id, String email, String pseudonym, String token) {
    }

    public static final String DEMO = "demo";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Http http;

    public Community(Http http) {
        this.http = http;
    }

    public Http http() {
        return http;
    }

    /**
     * A new CUSTOMER of the brand, with a unique e-mail and pseudonym, logged in, its address verified through the
     * link e-mailed to it when the server runs in this JVM.
     */
    public Member join(String brand) {
        Member m = joinUnverified(brand);
        TestServer.at(http.base()).ifPresent(server -> verify(server, brand, m.email()));
        return m;
    }

    /** A new CUSTOMER of the brand, logged in, who has not opened the verification link sent to them. */
    public Member joinUnverified(String brand) {
        int n = SEQUENCE.incrementAndGet();
        String email = "member" + n + "@" + brand + ".example";
        String pseudonym = "Member-" + n;
        Http.Response r = http.post("/api/v1/auth/register", null,
            Http.json("brand", brand, "email", email, "password", "long-enough-password", "pseudonym", pseudonym));
        assertEquals(202, r.status(), "registering " + email + " answers 202: " + r);
        return login(brand, email, "long-enough-password");
    }

    /** Opens the newest verification link sent to that address, as its owner would. */
    public void verify(TestServer server, String brand, String email) {
        String token = server.mailbox().lastToken(email, "account-verify-", "verify-email");
        Http.Response v = http.post("/api/v1/brands/" + brand + "/email-verification/" + token, null, "");
        assertEquals(204, v.status(), "the verification link of " + email + " works: " + v);
    }

    /** One of the demo accounts (admin, moderator, manager, customer, lucas). */
    public Member demo(String who) {
        return login(DEMO, who + "@demo.example", DemoSeeder.PASSWORD);
    }

    public Member login(String brand, String email, String password) {
        Http.Response r = http.post("/api/v1/auth/login", null, Http.json("brand", brand, "email", email, "password", password));
        assertEquals(200, r.status(), "login of " + email + " answers 200: " + r);
        Http.Response me = http.get("/api/v1/brands/" + brand + "/me", r.json().get("token").asText());
        return new Member(r.json().get("userId").asLong(), email, me.json().get("pseudonym").asText(),
            r.json().get("token").asText());
    }

    public Http.Response ask(Member m, String brand, String title, String body, String topic, List<String> tags) {
        return http.post("/api/v1/brands/" + brand + "/questions", m.token(),
            Http.json("title", title, "body", body, "topic", topic, "tags", tags));
    }

    /** Asks a question in the demo brand, with no topic, and returns its id. */
    public long askId(Member m, String title, String... tags) {
        Http.Response r = ask(m, DEMO, title, "What would you advise for: " + title + "?", null, List.of(tags));
        assertEquals(201, r.status(), "asking answers 201: " + r);
        return r.json().get("id").asLong();
    }

    public Http.Response answer(Member m, String brand, long questionId, String body) {
        return http.post("/api/v1/brands/" + brand + "/questions/" + questionId + "/answers", m.token(), Http.json("body", body));
    }

    public long answerId(Member m, long questionId) {
        Http.Response r = answer(m, DEMO, questionId, "An answer by " + m.pseudonym());
        assertEquals(201, r.status(), "answering answers 201: " + r);
        return r.json().get("id").asLong();
    }

    public Http.Response vote(Member m, String brand, long postId, int value) {
        return http.post("/api/v1/brands/" + brand + "/posts/" + postId + "/votes", m.token(), Http.json("value", value));
    }

    public Http.Response accept(Member m, String brand, long questionId, Long answerId) {
        return http.post("/api/v1/brands/" + brand + "/questions/" + questionId + "/accept", m.token(),
            Http.json("answerId", answerId));
    }

    public Http.Response question(Member m, String brand, long questionId) {
        return http.get("/api/v1/brands/" + brand + "/questions/" + questionId, m == null ? null : m.token());
    }

    public Http.Response complain(Member m, String brand, String title, String body, String storeCode, Boolean showPseudonym) {
        return http.post("/api/v1/brands/" + brand + "/complaints", m.token(),
            Http.json("title", title, "body", body, "storeCode", storeCode, "showPseudonym", showPseudonym));
    }

    /** Files a complaint in the demo brand about a store and returns its id. */
    public long complaintId(Member m, String storeCode, boolean showPseudonym) {
        Http.Response r = complain(m, DEMO, "Problem at " + storeCode, "Nobody could help me at the store.", storeCode,
            showPseudonym);
        assertEquals(201, r.status(), "filing a complaint answers 201: " + r);
        return r.json().get("id").asLong();
    }

    public Http.Response respond(Member m, String brand, long complaintId, String body) {
        return http.post("/api/v1/brands/" + brand + "/complaints/" + complaintId + "/responses", m.token(),
            Http.json("body", body));
    }

    public Http.Response resolve(Member m, String brand, long complaintId, Object resolved, Object rating, Object wouldBuyAgain) {
        return http.post("/api/v1/brands/" + brand + "/complaints/" + complaintId + "/resolution", m.token(),
            Http.json("resolved", resolved, "rating", rating, "wouldBuyAgain", wouldBuyAgain));
    }

    public Http.Response complaint(Member m, String brand, long complaintId) {
        return http.get("/api/v1/brands/" + brand + "/complaints/" + complaintId, m == null ? null : m.token());
    }

    /** A new store of the demo brand, created by its admin; returns its code. */
    public String newStore(Member admin, String city) {
        String code = "STORE-" + SEQUENCE.incrementAndGet();
        Http.Response r = http.post("/api/v1/brands/" + DEMO + "/stores", admin.token(),
            Http.json("code", code, "name", city + " centre", "city", city, "postalCode", "69001"));
        assertEquals(201, r.status(), "creating store " + code + " answers 201: " + r);
        return code;
    }

    /** Makes the member a STORE_MANAGER of the given stores of the demo brand. */
    public void makeManager(Member admin, Member member, String... storeCodes) {
        Http.Response r = http.put("/api/v1/brands/" + DEMO + "/members/" + member.id() + "/roles", admin.token(),
            Http.json("roles", List.of("STORE_MANAGER"), "storeCodes", List.of(storeCodes)));
        assertEquals(200, r.status(), "granting STORE_MANAGER answers 200: " + r);
    }

    /** The ids of a list page's items, in order. */
    public static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    /** A unique lower-case word, for tags, topics and brand slugs. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }
}
