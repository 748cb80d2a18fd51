package org.entraide.core.internal.post;

import static org.entraide.core.internal.support.Community.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.event.EventTypes;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** Complaints about stores, official responses by the store's staff, and the complainant's verdict. */
public abstract class ComplaintFlowScenarios extends ApiScenarios {

    @Test
    void storeManagerRespondsAndComplainantResolves() {
        Member customer = community.join("demo");
        Member manager = community.demo("manager");
        Http.Response filed = community.complain(customer, "demo", "Broken mower sold as new", "It broke on day one.",
            "LYON-PARTDIEU", false);
        assertEquals(201, filed.status(), "filing answers 201: " + filed);
        long id = filed.json().get("id").asLong();
        assertEquals("/api/v1/brands/demo/complaints/" + id, filed.header("Location"), "Location points at the complaint");
        assertEquals("OPEN", filed.json().get("status").asText(), "a new complaint is OPEN: " + filed);
        assertEquals("LYON-PARTDIEU", filed.json().get("store").get("code").asText(), "it is about the store: " + filed);

        Http.Response early = community.resolve(customer, "demo", id, true, 8, true);
        assertEquals(409, early.status(), "no verdict before any response: " + early);

        Http.Response response = community.respond(manager, "demo", id, "Bring it back, we replace it.");
        assertEquals(201, response.status(), "the store's manager responds: " + response);
        assertTrue(response.json().get("id").asLong() > 0, "the response's id is in the body: " + response);
        assertTrue(response.header("Location").startsWith("/api/v1/brands/demo/complaints/" + id), "Location: " + response);
        JsonNode complaint = community.complaint(null, "demo", id).json();
        assertEquals("ANSWERED", complaint.get("status").asText(), "a response makes it ANSWERED: " + complaint);
        assertTrue(complaint.get("responses").get(0).get("official").asBoolean(), "the response is official: " + complaint);

        Http.Response notMine = community.resolve(manager, "demo", id, true, 10, true);
        assertEquals(403, notMine.status(), "only the complainant gives the verdict: " + notMine);

        Http.Response verdict = community.resolve(customer, "demo", id, false, 3, false);
        assertEquals(200, verdict.status(), "the complainant gives the verdict: " + verdict);
        assertEquals("UNRESOLVED", verdict.json().get("status").asText(), "resolved=false means UNRESOLVED: " + verdict);
        assertEquals(3, verdict.json().get("rating").asInt(), "the rating is kept: " + verdict);
        assertFalse(verdict.json().get("wouldBuyAgain").asBoolean(), "wouldBuyAgain is kept: " + verdict);

        Http.Response again = community.resolve(customer, "demo", id, true, 9, true);
        assertEquals(409, again.status(), "the verdict is given once: " + again);
    }

    @Test
    void ratingsRunFromZeroToTen() {
        Member customer = community.join("demo");
        Member manager = community.demo("manager");
        long low = community.complaintId(customer, "LYON-PARTDIEU", false);
        long high = community.complaintId(customer, "LYON-PARTDIEU", false);
        community.respond(manager, "demo", low, "Sorry.");
        community.respond(manager, "demo", high, "Sorry.");
        for (Object rating : List.of(-1, 11, "7")) {
            Http.Response r = community.resolve(customer, "demo", low, true, rating, true);
            assertEquals(400, r.status(), "rating " + rating + " is refused: " + r);
            assertEquals("rating", r.json().get("errors").get(0).get("field").asText(), "the error names the rating: " + r);
        }
        assertEquals(400, community.resolve(customer, "demo", low, null, 5, true).status(), "resolved is required");
        assertEquals(400, community.resolve(customer, "demo", low, true, 5, null).status(), "wouldBuyAgain is required");
        Http.Response zero = community.resolve(customer, "demo", low, true, 0, true);
        assertEquals(200, zero.status(), "0 is a rating: " + zero);
        assertEquals("RESOLVED", zero.json().get("status").asText(), "resolved=true means RESOLVED: " + zero);
        assertEquals(200, community.resolve(customer, "demo", high, true, 10, true).status(), "10 is a rating");
    }

    @Test
    void onlyTheStoresManagersAndBrandAdminsRespond() {
        Member admin = community.demo("admin");
        Member customer = community.join("demo");
        Member otherManager = community.join("demo");
        community.makeManager(admin, otherManager, "PARIS-BERCY");
        long lyon = community.complaintId(customer, "LYON-PARTDIEU", false);

        Http.Response r = community.respond(otherManager, "demo", lyon, "Not my store, but still.");
        assertEquals(403, r.status(), "another store's manager cannot respond: " + r);
        Member twoStores = community.join("demo");
        community.makeManager(admin, twoStores, "PARIS-BERCY", "BORDEAUX-LAC");
        for (String store : List.of("PARIS-BERCY", "BORDEAUX-LAC")) {
            r = community.respond(twoStores, "demo", community.complaintId(customer, store, false), "One of my stores.");
            assertEquals(201, r.status(), "a manager of several stores responds for " + store + ": " + r);
        }
        assertEquals(403, community.respond(twoStores, "demo", lyon, "Not one of mine.").status(),
            "but not for a store they do not manage");
        r = community.respond(community.join("demo"), "demo", lyon, "I am just a customer.");
        assertEquals(403, r.status(), "a customer cannot respond: " + r);
        r = community.respond(customer, "demo", lyon, "Responding to myself.");
        assertEquals(403, r.status(), "the complainant cannot respond officially: " + r);
        r = community.respond(community.demo("moderator"), "demo", lyon, "Moderators moderate.");
        assertEquals(403, r.status(), "a moderator does not speak for a store: " + r);
        assertEquals(0, community.complaint(null, "demo", lyon).json().get("responses").size(), "no refused response is stored");

        Http.Response filed = community.complain(customer, "demo", "Website checkout fails", "Card refused each time.", null, false);
        long noStore = filed.json().get("id").asLong();
        r = community.respond(community.demo("manager"), "demo", noStore, "Store managers do not own the website.");
        assertEquals(403, r.status(), "a store manager cannot respond to a complaint about no store: " + r);
        r = community.respond(admin, "demo", noStore, "We are looking into it.");
        assertEquals(201, r.status(), "a brand admin responds to any complaint: " + r);
        assertTrue(r.json().get("complaint").get("responses").get(0).get("official").asBoolean(), "officially: " + r);
        r = community.respond(admin, "demo", lyon, "We are looking into it too.");
        assertEquals(201, r.status(), "including complaints about a store: " + r);
    }

    /** A plugin's rule, as the local-managers plugin has one: here, one member may answer one complaint as "the region". */
    static final class OneVoice implements OfficialResponders {
        final AtomicInteger asked = new AtomicInteger();
        final long userId;
        final long complaintId;

        OneVoice(long userId, long complaintId) {
            this.userId = userId;
            this.complaintId = complaintId;
        }

        @Override
        public String capability() {
            return "test-voices";
        }

        @Override
        public Optional<Voice> voiceOf(long brandId, long complaint, Caller caller) {
            asked.incrementAndGet();
            return caller.userId() == userId && complaint == complaintId
                ? Optional.of(new Voice("region", "Réponse officielle — région Test", "Official response — Test region"))
                : Optional.empty();
        }
    }

    @Test
    void aPluginMayLetOthersRespondInTheirOwnVoice() {
        Member customer = community.join("demo");
        Member regional = community.join("demo");
        long id = community.complaintId(customer, "LYON-PARTDIEU", false);
        assertEquals(403, community.respond(regional, "demo", id, "Without the plugin.").status(), "the core's rule alone");

        long brandId = server.core.brands.find("demo").orElseThrow().id();
        OneVoice plugin = new OneVoice(regional.id(), id);
        Capability capability = new Capability() {
            public String name() {
                return "test-voices";
            }

            public String description() {
                return "Official voices for a test";
            }
        };
        server.core.capabilities.install(capability);
        server.core.voices.add(plugin);
        try {
            Http.Response r = community.respond(regional, "demo", id, "Not enabled for the brand yet.");
            assertEquals(403, r.status(), "a brand that did not enable the capability: " + r);
            assertEquals(0, plugin.asked.get(), "the plugin is not even asked");

            server.core.capabilities.setDirectly(brandId, "test-voices", true);
            assertEquals(201, community.respond(community.demo("manager"), "demo", id, "The store answers.").status());
            assertEquals(0, plugin.asked.get(), "the core's own rule does not ask the plugin");
            r = community.respond(regional, "demo", id, "The region answers.");
            assertEquals(201, r.status(), "the plugin grants a voice: " + r);
            JsonNode responses = community.complaint(null, "demo", id).json().get("responses");
            assertEquals("Réponse officielle — magasin de Lyon Part-Dieu", responses.get(0).get("label").get("fr").asText());
            assertEquals("Réponse officielle — région Test", responses.get(1).get("label").get("fr").asText());
            assertEquals("Official response — Test region", responses.get(1).get("label").get("en").asText());
            assertTrue(responses.get(1).get("official").asBoolean(), "officially: " + responses);
            List<org.entraide.core.internal.support.Outbox.Event> responded = outbox.aboutPost(id, EventTypes.COMPLAINT_RESPONDED);
            assertEquals("region", responded.get(1).payload().get("voice").asText(), "the voice is in the event: " + responded);
            assertFalse(responded.get(0).payload().has("voice"), "the store's response has none");

            r = community.respond(community.join("demo"), "demo", id, "Somebody else.");
            assertEquals(403, r.status(), "whom the plugin does not let answer: " + r);
            assertEquals("application/problem+json", r.header("Content-Type"), "a problem: " + r);

            server.core.voices.remove(plugin);
            assertEquals(403, community.respond(regional, "demo", id, "The plugin left.").status(), "the core's rule again");
            assertEquals("Réponse officielle — région Test", community.complaint(null, "demo", id).json().get("responses").get(1)
                .get("label").get("fr").asText(), "a given response keeps its label");
        } finally {
            server.core.voices.remove(plugin);
            server.core.capabilities.setDirectly(brandId, "test-voices", false);
            server.core.capabilities.uninstall("test-voices");
        }
    }

    @Test
    void unknownStoreIsAFieldError() {
        Http.Response r = community.complain(community.join("demo"), "demo", "About a store that is not", "Nobody there.",
            "NO-SUCH-STORE", false);
        assertEquals(400, r.status(), "an unknown store code is refused: " + r);
        assertEquals("storeCode", r.json().get("errors").get(0).get("field").asText(), "the error names storeCode: " + r);
    }

    @Test
    void complaintListIsPaginatedAndFilteredByStoreAndStatus() {
        Member admin = community.demo("admin");
        String store = community.newStore(admin, "Grenoble");
        Member customer = community.join("demo");
        long open = community.complaintId(customer, store, false);
        long answered = community.complaintId(customer, store, false);
        long resolved = community.complaintId(customer, store, false);
        community.complaintId(customer, "LYON-PARTDIEU", false);
        community.respond(admin, "demo", answered, "We are on it.");
        community.respond(admin, "demo", resolved, "Fixed.");
        assertEquals(200, community.resolve(customer, "demo", resolved, true, 9, true).status());

        JsonNode all = list("?store=" + store);
        assertEquals(List.of(resolved, answered, open), ids(all), "the store's complaints, newest first: " + all);
        assertEquals(3, all.get("total").asLong(), "total: " + all);
        JsonNode page2 = list("?store=" + store + "&size=2&page=2");
        assertEquals(List.of(open), ids(page2), "page 2 of size 2: " + page2);
        assertEquals(2, page2.get("page").asInt(), "page is echoed: " + page2);
        assertEquals(2, page2.get("size").asInt(), "size is echoed: " + page2);
        assertEquals(3, page2.get("total").asLong(), "total on page 2: " + page2);
        assertEquals(List.of(open), ids(list("?store=" + store + "&status=OPEN")), "filter by OPEN");
        assertEquals(List.of(answered), ids(list("?store=" + store + "&status=ANSWERED")), "filter by ANSWERED");
        assertEquals(List.of(resolved), ids(list("?store=" + store + "&status=RESOLVED")), "filter by RESOLVED");
        assertEquals(0, list("?store=" + store + "&status=UNRESOLVED").get("total").asLong(), "none UNRESOLVED");
        assertEquals(9, list("?store=" + store + "&status=RESOLVED").get("items").get(0).get("rating").asInt(),
            "the list shows the rating");
        assertEquals(0, list("?store=NO-SUCH-STORE").get("total").asLong(), "an unknown store matches nothing");
        Http.Response bad = http.get("/api/v1/brands/demo/complaints?status=CLOSED", null);
        assertEquals(400, bad.status(), "an unknown status is a bad request: " + bad);
        assertEquals("status", bad.json().get("errors").get(0).get("field").asText(), "naming the parameter: " + bad);
    }

    private JsonNode list(String query) {
        Http.Response r = http.get("/api/v1/brands/demo/complaints" + query, null);
        assertEquals(200, r.status(), "listing " + query + " answers 200: " + r);
        return r.json();
    }
}
