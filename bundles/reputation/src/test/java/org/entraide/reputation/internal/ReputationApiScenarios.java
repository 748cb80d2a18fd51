package org.entraide.reputation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reputation API as a stranger attacks it: ids and slugs of another brand, or of nothing, are 404 problems;
 * unknown query parameters and body fields are 400 problems naming them; lists are pages.
 */
abstract class ReputationApiScenarios {
    Testbed bed;
    Testbed.Member alice;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(dataSource()).install(Testbed.settings()).enable();
        alice = bed.register("Alice");
        bed.ask(alice, "Quelle peinture pour une salle de bains ?", "bricolage", List.of("peinture"));
        bed.settle();
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    private static void assertProblem(int status, Http.Response r, String why) {
        assertEquals(status, r.status(), why + ": " + r);
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), why + ", as a problem: " + r);
        assertFalse(r.raw().body().contains("org.entraide") || r.raw().body().contains("Exception"), r.toString());
    }

    @Test
    void idsAndSlugsOfAnotherBrandOrOfNothingAre404() {
        Testbed.Member stranger = bed.otherBrand("acme");
        String board = Testbed.DEMO + "/leaderboard";
        assertProblem(404, bed.http.get(Testbed.DEMO + "/users/" + stranger.id() + "/reputation", null), "another brand's member");
        assertProblem(404, bed.http.get("/api/v1/brands/acme/users/" + alice.id() + "/reputation", null), "seen from acme");
        assertProblem(404, bed.http.get(Testbed.DEMO + "/users/987654321/reputation", null), "nobody");
        assertProblem(404, bed.http.get(board + "?user=" + stranger.id(), null), "another brand's member's rank");
        assertProblem(404, bed.http.get(board + "?user=987654321", null), "nobody's rank");
        assertProblem(404, bed.http.get(board + "?topic=acme-topic", null), "another brand's topic");
        assertProblem(404, bed.http.get(board + "?topic=nulle-part", null), "no topic");
        assertProblem(404, bed.http.get(board + "?tag=jamais-vu", null), "a tag no post of the brand carries");
        assertEquals(200, bed.http.get(board + "?tag=peinture&period=week", null).status(), "a tag of the brand has a board");
        assertEquals(200, bed.http.get(board + "?user=" + alice.id(), null).status(), "a member of the brand has a rank");
        assertProblem(403, bed.http.get(Testbed.DEMO + "/users/" + alice.id() + "/reputation/private", stranger.token()),
            "another brand's admin reads no private history");
        assertProblem(403, bed.http.put(Testbed.DEMO + "/reputation/points", stranger.token(), "{\"answer-upvoted\":99}"),
            "another brand's admin changes no points");
        assertEquals(10, bed.http.get(Testbed.DEMO + "/reputation/points", null).json().get("answer-upvoted").asInt());
    }

    @Test
    void unknownQueryParametersAndBodyFieldsAre400NamingThem() {
        Testbed.Member moderator = bed.member("moderator@demo.example");
        String user = "/users/" + alice.id() + "/reputation";
        for (String path : List.of("/reputation/points?lang=fr", "/reputation/privileges?lang=fr", user + "?sort=at",
            user + "/private?sort=at", "/leaderboard?perod=week", "/reputation/serial-voting?days=3",
            "/reputation/voting-rings?days=3")) {
            Http.Response r = bed.http.get(Testbed.DEMO + path, path.contains("private") ? alice.token() : moderator.token());
            assertProblem(400, r, "an unknown query parameter on " + path);
            assertEquals(path.substring(path.indexOf('?') + 1, path.indexOf('=')),
                r.json().get("errors").get(0).get("field").asText(), "named: " + r);
        }
        assertProblem(400, bed.http.get(Testbed.DEMO + user + "?page=2147483647&size=100", null),
            "a page whose offset would overflow is refused, not a 500");
        Http.Response typo = bed.http.post(Testbed.DEMO + "/reputation/recomputations", bed.admin, "{\"dryrun\":false}");
        assertProblem(400, typo, "a misspelt dryRun is not a dry run by default");
        assertEquals("dryrun", typo.json().get("errors").get(0).get("field").asText());
        assertProblem(400, bed.http.post(Testbed.DEMO + "/reputation/recomputations", bed.admin, "{\"dryRun\":\"no\"}"),
            "dryRun is a boolean");
        assertProblem(400, bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-upvoted\":1.5}"),
            "points are whole");
    }

    @Test
    void listsArePages() {
        Testbed.Member moderator = bed.member("moderator@demo.example");
        JsonNode board = bed.http.get(Testbed.DEMO + "/leaderboard?size=2", null).json();
        assertEquals(List.of("items", "total", "page", "size"), fields(board).subList(0, 4), "the board is a page: " + board);
        assertEquals(2, board.get("items").size());
        JsonNode rings = bed.http.get(Testbed.DEMO + "/reputation/voting-rings", moderator.token()).json();
        assertEquals(List.of("items", "total", "page", "size"), fields(rings), "rings are a page: " + rings);
        JsonNode mine = bed.http.get(Testbed.DEMO + "/users/" + alice.id() + "/reputation/private", alice.token()).json();
        assertEquals(List.of("items", "total", "page", "size"), fields(mine), "the private history is a page: " + mine);
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * Karaf and the tests wire the plugin alike: the services its Declarative Services components provide (read from
     * the descriptors bnd generated) are exactly the kinds of {@code services()}, which these tests install, and the
     * manifest declares no service by hand.
     */
    @Test
    void theComponentsProvideWhatTheTestsInstall() throws Exception {
        java.util.Set<String> provided = org.entraide.core.internal.support.ComponentDescriptors.provided();
        assertTrue(provided.remove(ReputationComponent.class.getName()), "the plugin's own object, shared by its components");
        assertEquals(java.util.Set.of("org.apache.camel.RoutesBuilder", "org.entraide.api.plugin.Capability",
            "org.entraide.api.plugin.SubmissionStep", "org.entraide.api.plugin.EventSubscriber",
            "org.entraide.api.reputation.ReputationLookup", "org.entraide.api.privacy.PersonalData"), provided);
        assertEquals(provided, org.entraide.core.internal.support.ComponentDescriptors.kinds(bed.reputation.services(), provided),
            "every kind the components provide is listed, and installed by the tests");
        assertFalse(org.entraide.core.internal.support.ComponentDescriptors.declaredByHand(bed.reputation.getClass()),
            "no service declared by hand");
    }
}
