package org.entraide.core.internal.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.entraide.jdbc.Sql;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Problems;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Brands are tenants: the instance administrator creates them, and a member of one brand sees and changes
 * nothing of another. Brand administration is for the brand's admins only.
 */
public abstract class MultiBrandScenarios extends ApiScenarios {
    private static final String ROOT = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
    private static final String ADMIN_PASSWORD = "brand-admin-password";

    @Test
    void theInstanceAdministratorCreatesBrandsWithBasicAuth() {
        String slug = Community.unique("brand");
        String body = newBrand(slug);
        assertEquals(401, http.post("/api/v1/admin/brands", null, body).status(), "no credentials: 401");
        assertEquals(401, http.post("/api/v1/admin/brands", Http.basic("root", "wrong-password"), body).status(),
            "a wrong password: 401");
        assertEquals(401, http.post("/api/v1/admin/brands", community.demo("admin").token(), body).status(),
            "a brand admin's bearer token is no instance administrator: 401");
        assertEquals(404, http.get("/api/v1/brands/" + slug, null).status(), "nothing was created");

        Http.Response created = http.post("/api/v1/admin/brands", ROOT, body);
        assertEquals(201, created.status(), "the instance administrator creates a brand: " + created);
        assertEquals("/api/v1/brands/" + slug, created.header("Location"), "Location is the brand: " + created);
        assertEquals(slug, created.json().get("slug").asText(), "the body is the brand: " + created);
        assertTrue(created.json().get("id").asLong() > 0, "with its id: " + created);
        assertEquals(409, http.post("/api/v1/admin/brands", ROOT, body).status(), "a slug is taken once");
        assertTrue(http.get("/api/v1/admin/brands", ROOT).raw().body().contains("\"" + slug + "\""), "brands are listed");
        assertEquals(401, http.get("/api/v1/admin/brands", null).status(), "the list is for instance administrators");

        Member admin = community.login(slug, "admin@" + slug + ".example", ADMIN_PASSWORD);
        Http.Response me = http.get("/api/v1/brands/" + slug + "/me", admin.token());
        assertTrue(me.json().get("roles").toString().contains("BRAND_ADMIN"), "its first account is its admin: " + me);
    }

    @Test
    void membersOfOneBrandActOnNothingOfAnother() {
        String other = brand();
        Member stranger = community.join("demo");
        Member local = community.join(other);
        long question = id(community.ask(local, other, "A question of the other brand", "body", null, List.of()));
        long answer = id(community.answer(local, other, question, "An answer of the other brand"));
        long complaint = id(community.complain(local, other, "A complaint of the other brand", "body", null, false));

        assertEquals(403, community.ask(stranger, other, "Asking elsewhere", "body", null, List.of()).status(), "ask");
        assertEquals(403, community.answer(stranger, other, question, "Answering elsewhere").status(), "answer");
        assertEquals(403, community.vote(stranger, other, answer, 1).status(), "vote");
        assertEquals(403, community.accept(stranger, other, question, answer).status(), "accept");
        assertEquals(403, community.complain(stranger, other, "Complaining elsewhere", "body", null, false).status(), "complain");
        assertEquals(403, community.respond(community.demo("admin"), other, complaint, "Responding elsewhere").status(),
            "another brand's admin responds to nothing here");
        assertEquals(403, community.resolve(stranger, other, complaint, true, 5, true).status(), "resolve");
        assertEquals(403, http.get("/api/v1/brands/" + other + "/me", stranger.token()).status(), "me");

        assertEquals(404, community.question(stranger, "demo", question).status(), "the other brand's question is not in demo");
        assertEquals(404, community.vote(stranger, "demo", answer, 1).status(), "nor can it be voted through demo");
        assertEquals(404, community.accept(stranger, "demo", question, answer).status(), "nor accepted through demo");
        assertEquals(404, community.complaint(stranger, "demo", complaint).status(), "nor its complaint read through demo");
        assertEquals(401, http.post("/api/v1/auth/login", null, Http.json("brand", other, "email", stranger.email(),
            "password", "long-enough-password")).status(), "an account logs in to its own brand only");
        assertEquals(0, community.question(null, other, question).json().get("score").asInt(), "no vote got through");
        assertTrue(community.question(null, other, question).json().get("acceptedAnswerId").isNull(), "no accept got through");
    }

    @Test
    void aTokenIsValidOnItsOwnBrandOnly() {
        String other = brand();
        Member local = community.join(other);
        Member stranger = community.join("demo");
        String preview = Http.json("body", "**bold**");
        for (Member m : new Member[] {stranger, community.demo("admin"), community.demo("moderator")}) {
            Problems.assertProblem(403, http.post("/api/v1/brands/" + other + "/previews", m.token(), preview),
                m.email() + " previews nothing with a token of demo on " + other);
        }
        Problems.assertProblem(403, http.post("/api/v1/brands/demo/previews", local.token(), preview),
            "a token of " + other + " previews nothing on demo");
        Problems.assertProblem(404, http.post("/api/v1/brands/no-such-brand/previews", local.token(), preview),
            "an unknown brand stays a 404");
        assertEquals(200, http.post("/api/v1/brands/" + other + "/previews", local.token(), preview).status(),
            "the brand's own member previews");
        Http.Response list = http.get("/api/v1/brands/" + other + "/questions", stranger.token());
        assertEquals(200, list.status(), "on a public page another brand's token counts as no token: " + list);
    }

    @Test
    void unpublishedPostsOfABrandStayInvisibleToOtherBrands() {
        String other = brand();
        Member author = community.join(other);
        long question = id(community.ask(author, other, "A question under review", "body", null, List.of("pending")));
        long complaint = id(community.complain(author, other, "A complaint under review", "body", null, true));
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post SET publication = 'PENDING_REVIEW' WHERE id IN (?, ?)",
            question, complaint));
        Member otherAdmin = community.login(other, "admin@" + other + ".example", ADMIN_PASSWORD);
        Member demoAdmin = community.demo("admin");
        Member demoModerator = community.demo("moderator");

        assertEquals(200, community.question(author, other, question).status(), "its author sees it");
        assertEquals(200, community.question(otherAdmin, other, question).status(), "its brand's admin sees it");
        Member neighbour = community.join(other);
        assertEquals(404, community.question(neighbour, other, question).status(), "another customer of the brand does not");
        assertEquals(404, community.complaint(neighbour, other, complaint).status(), "nor the complaint");
        assertEquals(404, community.answer(neighbour, other, question, "Answering the invisible").status(),
            "an unpublished question takes no answer");
        assertEquals(404, community.vote(neighbour, other, question, 1).status(), "and no vote");
        for (Member outsider : new Member[] {null, demoAdmin, demoModerator}) {
            String who = outsider == null ? "anonymous" : outsider.email();
            assertEquals(404, community.question(outsider, other, question).status(), who + " does not see the question");
            assertEquals(404, community.complaint(outsider, other, complaint).status(), who + " does not see the complaint");
            assertEquals(404, community.question(outsider, "demo", question).status(), who + " does not see it through demo");
        }
        String lists = http.get("/api/v1/brands/" + other + "/questions?tag=pending", demoAdmin.token()).raw().body()
            + http.get("/api/v1/brands/" + other + "/complaints", demoAdmin.token()).raw().body()
            + http.get("/api/v1/brands/demo/questions?tag=pending", demoAdmin.token()).raw().body();
        assertFalse(lists.contains("under review"), "no list shows them: " + lists);
    }

    @Test
    void brandAdministrationIsForTheBrandsAdmins() {
        String other = brand();
        Member otherAdmin = community.login(other, "admin@" + other + ".example", ADMIN_PASSWORD);
        Member customer = community.join(other);
        String store = Http.json("code", "NORTH", "name", "North", "city", "Lille", "postalCode", "59000");
        String topic = Http.json("slug", "garden", "name", "Garden");
        String roles = Http.json("roles", List.of("MODERATOR"), "storeCodes", List.of());
        String base = "/api/v1/brands/" + other;
        for (Member refused : new Member[] {customer, community.demo("admin")}) {
            assertEquals(403, http.post(base + "/stores", refused.token(), store).status(), refused.email() + ": stores");
            assertEquals(403, http.put(base + "/stores/NORTH", refused.token(), store).status(), refused.email() + ": store update");
            assertEquals(403, http.post(base + "/topics", refused.token(), topic).status(), refused.email() + ": topics");
            assertEquals(403, http.put(base + "/members/" + customer.id() + "/roles", refused.token(), roles).status(),
                refused.email() + ": roles");
            assertEquals(403, http.get(base + "/members/" + customer.id(), refused.token()).status(), refused.email() + ": member");
        }
        assertEquals(401, http.post(base + "/stores", null, store).status(), "anonymous: 401");

        assertEquals(201, http.post(base + "/stores", otherAdmin.token(), store).status(), "the admin creates a store");
        assertEquals(201, http.post(base + "/topics", otherAdmin.token(), topic).status(), "and a topic");
        Http.Response granted = http.put(base + "/members/" + customer.id() + "/roles", otherAdmin.token(),
            Http.json("roles", List.of("STORE_MANAGER"), "storeCodes", List.of("NORTH")));
        assertEquals(200, granted.status(), "and grants roles: " + granted);
        assertEquals("[\"NORTH\"]", granted.json().get("storeCodes").toString(), "bound to the store: " + granted);
        assertEquals(400, http.put(base + "/members/" + customer.id() + "/roles", otherAdmin.token(),
            Http.json("roles", List.of("STORE_MANAGER"), "storeCodes", List.of())).status(), "a manager needs a store");
        assertEquals(400, http.put(base + "/members/" + customer.id() + "/roles", otherAdmin.token(),
            Http.json("roles", List.of("STORE_MANAGER"), "storeCodes", List.of("LYON-PARTDIEU"))).status(),
            "a store of another brand is no store here");
        assertEquals(404, http.get(base + "/members/" + community.join("demo").id(), otherAdmin.token()).status(),
            "a member of another brand is not found");

        Http.Response moved = http.put(base + "/stores/NORTH", otherAdmin.token(), Http.json("code", "NORTH", "name", "North Gate",
            "city", "Lille", "postalCode", "59000", "latitude", 50.63, "longitude", 3.06));
        assertEquals(200, moved.status(), "the admin updates a store: " + moved);
        assertEquals(50.63, moved.json().get("latitude").asDouble(), "with optional coordinates: " + moved);
        assertEquals(400, http.put(base + "/stores/NORTH", otherAdmin.token(), Http.json("code", "NORTH", "name", "North",
            "city", "Lille", "postalCode", "59000", "latitude", 50.63)).status(), "latitude goes with longitude");
        assertEquals(400, http.put(base + "/stores/SOUTH", otherAdmin.token(), store).status(), "the code in the URL is the store's");
        assertEquals("North Gate", http.get(base + "/stores?q=lille", null).json().get("items").get(0).get("name").asText(),
            "stores are found by city");

        Http.Response stores = http.get(base + "/stores", null);
        assertEquals(200, stores.status(), "stores are public: " + stores);
        assertEquals(1, stores.json().get("total").asLong(), "the brand's stores only: " + stores);
        assertEquals(200, http.get(base + "/topics", null).status(), "topics are public");
        assertFalse(http.get("/api/v1/brands/demo/stores?size=100", null).raw().body().contains("NORTH"),
            "another brand's stores are not listed");
    }

    @Test
    void theDemoBrandHasOneAccountPerRole() {
        Http.Response lyon = http.get("/api/v1/brands/demo/stores?q=LYON-PARTDIEU", null);
        long lyonId = lyon.json().get("items").get(0).get("id").asLong();
        for (var expected : java.util.Map.of("admin", "BRAND_ADMIN", "moderator", "MODERATOR", "manager", "STORE_MANAGER",
                "customer", "CUSTOMER").entrySet()) {
            Member m = community.demo(expected.getKey());
            Http.Response me = http.get("/api/v1/brands/demo/me", m.token());
            assertTrue(me.json().get("roles").toString().contains(expected.getValue()),
                expected.getKey() + "@demo.example is " + expected.getValue() + ": " + me);
        }
        Http.Response manager = http.get("/api/v1/brands/demo/me", community.demo("manager").token());
        assertEquals("[" + lyonId + "]", manager.json().get("storeIds").toString(), "the manager runs the first demo store: " + manager);
        assertEquals("[\"CUSTOMER\"]", http.get("/api/v1/brands/demo/me", community.demo("customer").token()).json().get("roles")
            .toString(), "the customer is only a customer");
    }

    private String brand() {
        String slug = Community.unique("brand");
        Http.Response r = http.post("/api/v1/admin/brands", ROOT, newBrand(slug));
        assertEquals(201, r.status(), "brand " + slug + " is created: " + r);
        return slug;
    }

    private static String newBrand(String slug) {
        return Http.json("slug", slug, "name", "Brand " + slug, "adminEmail", "admin@" + slug + ".example",
            "adminPassword", ADMIN_PASSWORD, "adminPseudonym", "Admin-" + slug);
    }

    private static long id(Http.Response created) {
        assertEquals(201, created.status(), "created: " + created);
        return created.json().get("id").asLong();
    }
}
