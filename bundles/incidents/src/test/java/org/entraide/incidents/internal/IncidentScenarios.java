package org.entraide.incidents.internal;

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
 * Incidents through HTTP on the real core: declared by brand admins only, read by everyone, items attached by staff
 * in bulk and by their theme while open, statements sanitized, closed once.
 */
abstract class IncidentScenarios {
    static final String OUTAGE = "{\"title\":\"Panne des terminaux de paiement\",\"theme\":[\"panne paiement\",\"carte refusée\"],"
        + "\"stores\":[\"LYON-PARTDIEU\",\"PARIS-BERCY\"]}";

    Bed bed;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        bed = new Bed(dataSource()).install();
    }

    @AfterEach
    void stop() {
        bed.close();
        dropDatabase();
    }

    long declare(String json) {
        Http.Response r = bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(), json);
        assertEquals(201, r.status(), "brand admins declare incidents: " + r);
        return r.json().get("id").asLong();
    }

    static void assertProblem(int status, Http.Response r, String why) {
        assertEquals(status, r.status(), why + ": " + r);
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), why + ", as a problem: " + r);
    }

    static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    @Test
    void aBrandAdminDeclaresAnIncidentThatEveryoneReads() {
        Http.Response r = bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(), OUTAGE);
        assertEquals(201, r.status(), r.toString());
        long id = r.json().get("id").asLong();
        assertEquals("/api/v1/brands/demo/incidents/" + id, r.header("Location"));
        assertEquals(List.of("panne paiement", "carte refusee"), List.of(r.json().get("theme").get(0).asText(),
            r.json().get("theme").get(1).asText()), "keywords are kept without case nor accents");

        Http.Response anonymous = bed.http.get(Bed.DEMO + "/incidents/" + id, null);
        assertEquals(200, anonymous.status(), anonymous.toString());
        assertEquals("open", anonymous.json().get("status").asText());
        assertEquals(2, anonymous.json().get("stores").size());
        assertEquals("LYON-PARTDIEU", anonymous.json().get("stores").get(0).get("code").asText());
        assertFalse(anonymous.raw().body().contains("declaredBy"), "the public page names no member");

        Http.Response list = bed.http.get(Bed.DEMO + "/incidents?status=open", null);
        assertEquals(1, list.json().get("total").asLong(), list.toString());
        assertEquals(0, bed.http.get(Bed.DEMO + "/incidents?status=closed", null).json().get("total").asLong());
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'incident.declared' AND subject_id = ? "
            + "AND subject_type = 'incident'", id));
    }

    @Test
    void onlyBrandAdminsWriteAndBadRequestsAreProblemsThatStoreNothing() {
        Bed.Member customer = bed.register("Client");
        Bed.Member manager = bed.member("manager@demo.example");
        assertProblem(401, bed.http.post(Bed.DEMO + "/incidents", null, OUTAGE), "anonymous");
        assertProblem(403, bed.http.post(Bed.DEMO + "/incidents", customer.token(), OUTAGE), "a customer");
        assertProblem(403, bed.http.post(Bed.DEMO + "/incidents", manager.token(), OUTAGE), "a store manager");
        assertProblem(400, bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(), "{\"title\":\"Sans thème\"}"), "no theme");
        assertProblem(400, bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(),
            "{\"title\":\"x\",\"theme\":[\"a\"],\"color\":\"red\"}"), "an unknown field");
        assertProblem(400, bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(),
            "{\"title\":\"x\",\"theme\":[\"!!!\"]}"), "a keyword without a word");
        assertProblem(400, bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(),
            "{\"title\":\"x\",\"theme\":[\"a\"],\"startsAt\":\"2026-03-02T10:00:00Z\",\"endsAt\":\"2026-03-01T10:00:00Z\"}"),
            "a period that ends before it starts");
        assertProblem(404, bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(),
            "{\"title\":\"x\",\"theme\":[\"a\"],\"stores\":[\"NOWHERE\"]}"), "an unknown store");
        assertProblem(400, bed.http.get(Bed.DEMO + "/incidents?sort=new", null), "an undeclared query parameter");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM inc_incident"), "nothing stored");

        long id = declare(OUTAGE);
        String other = bed.otherBrand("autre");
        assertProblem(404, bed.http.get("/api/v1/brands/autre/incidents/" + id, other), "another brand's incident");
        assertProblem(404, bed.http.post("/api/v1/brands/autre/incidents/" + id + "/statements", other,
            "{\"body\":\"Rien\"}"), "a statement on another brand's incident");
        assertProblem(403, bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", customer.token(),
            "{\"body\":\"Rien\"}"), "a customer's statement");
        assertProblem(403, bed.http.get(Bed.DEMO + "/incidents/" + id + "/items", customer.token()), "a customer reading items");
        assertProblem(404, bed.http.get(Bed.DEMO + "/incidents/999999", null), "an unknown incident");

        bed.http.put(Bed.DEMO + "/features", bed.admin.token(), "{\"incidents\":false}");
        assertProblem(404, bed.http.get(Bed.DEMO + "/incidents/" + id, null), "a brand that turned incidents off");
    }

    @Test
    void postsMatchingAnOpenIncidentAttachThemselvesAndStaffAttachOthersInBulk() {
        long id = declare(OUTAGE);
        Bed.Member customer = bed.register("Client");
        long matching = bed.complain(customer, "Panne du paiement par carte ce matin", "LYON-PARTDIEU");
        long otherStore = bed.complain(customer, "Panne du paiement par carte à Marseille", "MARSEILLE-VALENTINE");
        long unrelated = bed.complain(customer, "Vendeur peu aimable au rayon jardin", "LYON-PARTDIEU");
        long question = bed.ask(customer, "Le paiement sans contact marche-t-il ?");
        bed.settle();

        Http.Response items = bed.http.get(Bed.DEMO + "/incidents/" + id + "/items", bed.admin.token());
        assertEquals(1, items.json().get("total").asLong(), "only the complaint of an affected store whose text matches: " + items);
        assertEquals(matching, items.json().get("items").get(0).get("postId").asLong());
        assertTrue(items.json().get("items").get(0).get("automatic").asBoolean());

        Http.Response bulk = bed.http.post(Bed.DEMO + "/incidents/" + id + "/items", bed.admin.token(),
            "{\"postIds\":[" + unrelated + "," + question + "," + matching + ",987654]}");
        assertEquals(200, bulk.status(), bulk.toString());
        assertEquals(List.of(unrelated, question), ids(bulk.json().get("attached")));
        assertEquals("already-attached", bulk.json().get("refused").get(0).get("reason").asText());
        assertEquals("not-found", bulk.json().get("refused").get(1).get("reason").asText());
        assertEquals(3, bed.http.get(Bed.DEMO + "/incidents/" + id + "/items", bed.admin.token()).json().get("total").asLong());

        long second = declare("{\"title\":\"Autre\",\"theme\":[\"jardin\"]}");
        Http.Response taken = bed.http.post(Bed.DEMO + "/incidents/" + second + "/items", bed.admin.token(),
            "{\"postIds\":[" + unrelated + "]}");
        assertEquals("attached-to-another-incident", taken.json().get("refused").get(0).get("reason").asText());
        assertEquals(0, bed.count("SELECT COUNT(*) FROM inc_item WHERE post_id = ?", otherStore), "another store's complaint stays out");
        assertEquals(3, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'incident.item-attached'"), "one event per item");

        Http.Response page = bed.http.get(Bed.DEMO + "/incidents/" + id, null);
        assertEquals(3, page.json().get("items").asLong());
        assertEquals(2, page.json().get("complaints").asLong());
        long lyon = 0;
        for (JsonNode n : page.json().get("counts")) {
            if (n.has("store") && "LYON-PARTDIEU".equals(n.get("store").get("code").asText())) {
                lyon += n.get("items").asLong();
            }
        }
        assertEquals(2, lyon, "counts by store and day: " + page.json().get("counts"));
    }

    @Test
    void theStatementAndItsUpdatesAreSanitizedAndTimed() {
        long id = declare(OUTAGE);
        Http.Response first = bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", bed.admin.token(),
            "{\"body\":\"**Nos terminaux** sont en panne.<script>alert(1)</script> [lien](javascript:alert(2))\"}");
        assertEquals(201, first.status(), first.toString());
        assertFalse(first.json().get("update").asBoolean());
        String html = first.json().get("html").asText();
        assertTrue(html.contains("<strong>Nos terminaux</strong>"), html);
        assertFalse(html.contains("<script") || html.contains("javascript:"), "sanitized: " + html);

        Http.Response update = bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", bed.admin.token(),
            "{\"body\":\"Retour à la normale prévu à 14 h.\"}");
        assertTrue(update.json().get("update").asBoolean(), update.toString());

        Http.Response all = bed.http.get(Bed.DEMO + "/incidents/" + id + "/statements", null);
        assertEquals(2, all.json().get("total").asLong());
        Http.Response page = bed.http.get(Bed.DEMO + "/incidents/" + id, null);
        assertTrue(page.json().has("minutesToStatement"), page.toString());
        assertEquals(2, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'incident.statement-published'"));
    }

    @Test
    void anIncidentIsChangedThenClosedOnceAndNothingAttachesAfterwards() {
        long id = declare(OUTAGE);
        Http.Response changed = bed.http.put(Bed.DEMO + "/incidents/" + id, bed.admin.token(),
            "{\"title\":\"Panne nationale\",\"theme\":[\"panne paiement\"]}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(0, changed.json().get("stores").size(), "no store nor region: the whole brand");

        Bed.Member customer = bed.register("Client");
        long marseille = bed.complain(customer, "Panne de paiement", "MARSEILLE-VALENTINE");
        bed.settle();
        assertEquals(1, bed.count("SELECT COUNT(*) FROM inc_item WHERE post_id = ?", marseille), "every store now");

        Http.Response closed = bed.http.post(Bed.DEMO + "/incidents/" + id + "/closure", bed.admin.token(),
            "{\"message\":\"L'incident est clos. Dites-nous si votre réclamation est résolue.\"}");
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("closed", closed.json().get("status").asText());
        assertProblem(409, bed.http.post(Bed.DEMO + "/incidents/" + id + "/closure", bed.admin.token(),
            "{\"message\":\"Encore\"}"), "closing twice");
        assertProblem(409, bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", bed.admin.token(),
            "{\"body\":\"Trop tard\"}"), "a statement on a closed incident");

        long late = bed.complain(customer, "Panne de paiement encore", "LYON-PARTDIEU");
        bed.settle();
        assertEquals(0, bed.count("SELECT COUNT(*) FROM inc_item WHERE post_id = ?", late), "a closed incident attaches nothing");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'incident.closed'"));
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'incident.updated'"));
    }

    @Test
    void eachPublishedComplaintAndQuestionIsCountedOnceInItsHourPerStoreAndTopic() {
        Bed.Member customer = bed.register("Client");
        bed.complain(customer, "Premier souci au magasin", "LYON-PARTDIEU");
        bed.complain(customer, "Second souci au magasin", "LYON-PARTDIEU");
        bed.ask(customer, "Une question sans magasin ?");
        bed.settle();
        assertEquals(2, bed.count("SELECT COALESCE(SUM(posts), 0) FROM inc_hourly WHERE scope = ?", "store:" + bed.store("LYON-PARTDIEU")));
        assertEquals(3, bed.count("SELECT COUNT(*) FROM inc_counted"), "each post once");
    }

    private JsonNode complaint(long id) {
        Http.Response r = bed.http.get(Bed.DEMO + "/complaints/" + id, bed.admin.token());
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    @Test
    void closingAnswersEveryComplaintNotYetEvaluatedWithTheMessageAskingForAnEvaluation() {
        long id = declare(OUTAGE);
        Bed.Member customer = bed.register("Client");
        long open = bed.complain(customer, "Panne de paiement au magasin", "LYON-PARTDIEU");
        long answered = bed.complain(customer, "Panne de paiement à la caisse", "PARIS-BERCY");
        long evaluated = bed.complain(customer, "Panne de paiement ce soir", "PARIS-BERCY");
        bed.settle();
        assertEquals(3, bed.count("SELECT COUNT(*) FROM inc_item WHERE incident_id = ?", id));
        bed.server.core.complaints.respond(bed.admin.caller(), bed.demo, answered, "Le magasin vous répond.");
        bed.server.core.complaints.respond(bed.admin.caller(), bed.demo, evaluated, "Le magasin vous répond aussi.");
        bed.server.core.complaints.resolve(customer.caller(), bed.demo, evaluated, true, 8, true);

        Http.Response statement = bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", bed.admin.token(),
            "{\"body\":\"Nos terminaux sont en panne.\"}");
        assertEquals(201, statement.status(), statement.toString());
        assertEquals("OPEN", complaint(open).get("status").asText().toUpperCase(),
            "the complaint keeps its deadline: the statement is no response unless the incident says so");

        Http.Response closed = bed.http.post(Bed.DEMO + "/incidents/" + id + "/closure", bed.admin.token(),
            "{\"message\":\"L'incident est clos. Dites-nous si votre réclamation est résolue.\"}");
        assertEquals(200, closed.status(), closed.toString());
        JsonNode first = complaint(open);
        assertEquals("ANSWERED", first.get("status").asText().toUpperCase());
        assertEquals(1, first.get("responses").size());
        assertTrue(first.get("responses").get(0).toString().contains("Dites-nous si votre réclamation est résolue"), first.toString());
        assertEquals(2, complaint(answered).get("responses").size(), "an answered complaint gets the closing message too");
        assertEquals(1, complaint(evaluated).get("responses").size(), "an evaluated complaint is left alone");
        assertEquals("RESOLVED", complaint(evaluated).get("status").asText().toUpperCase());
    }

    @Test
    void theStatementAnswersTheOpenComplaintsWhenTheIncidentSaysSo() {
        long id = declare("{\"title\":\"Rappel produit\",\"theme\":[\"rappel\"],\"statementAnswers\":true}");
        Bed.Member customer = bed.register("Client");
        long complaint = bed.complain(customer, "Rappel du grille-pain", "LILLE-EURALILLE");
        bed.settle();
        bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", bed.admin.token(), "{\"body\":\"Voici la marche à suivre.\"}");
        JsonNode answered = complaint(complaint);
        assertEquals("ANSWERED", answered.get("status").asText().toUpperCase(), answered.toString());
        bed.http.post(Bed.DEMO + "/incidents/" + id + "/statements", bed.admin.token(), "{\"body\":\"Mise à jour.\"}");
        assertEquals(1, complaint(complaint).get("responses").size(), "updates are no further responses");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'complaint.responded' AND subject_id = ?",
            complaint));
    }

    /** Files complaints at one store within one hour (waiting past an hour's last minute), and the hour they count in. */
    private java.time.Instant burst(String store, int complaints, String title) throws InterruptedException {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant next = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600);
        if (java.time.Duration.between(now, next).toSeconds() < 60) {
            Thread.sleep(java.time.Duration.between(now, next).toMillis() + 1000);
        }
        Bed.Member customer = bed.register("Client");
        for (int i = 0; i < complaints; i++) {
            bed.complain(customer, title + " " + i, store);
        }
        bed.settle();
        return bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.one(c, "SELECT MAX(at_hour) FROM inc_counted",
            rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())).orElseThrow();
    }

    private void history(String scope, java.time.Instant hour, int... weeks) {
        for (int w = 0; w < weeks.length; w++) {
            java.time.Instant at = hour.minus(java.time.Duration.ofDays(7L * (w + 1)));
            int posts = weeks[w];
            bed.server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.update(c, "INSERT INTO inc_hourly (brand_id, scope, "
                + "at_hour, posts) VALUES (?, ?, ?, ?)", bed.demo.id(), scope, at, posts));
        }
    }

    @Test
    void aBurstWellOverItsBaselineIsProposedOnceWithItsItemsAndBecomesAnIncident() throws Exception {
        String lyon = "store:" + bed.store("LYON-PARTDIEU");
        java.time.Instant hour = burst("LYON-PARTDIEU", 6, "Terminal de paiement hors service");
        history(lyon, hour, 0, 1, 0, 1, 0, 1, 0, 0);
        assertEquals(1, bed.incidents.detector.run(java.time.Instant.now()), "6 against 3 posts in 8 weeks");
        assertEquals(0, bed.incidents.detector.run(java.time.Instant.now()), "a rise is proposed once");
        assertEquals(1, bed.count("SELECT COUNT(*) FROM domain_event WHERE event_type = 'incident.rise-detected'"));

        assertProblem(403, bed.http.get(Bed.DEMO + "/incident-proposals", bed.register("Curieux").token()), "a customer");
        Http.Response proposals = bed.http.get(Bed.DEMO + "/incident-proposals", bed.admin.token());
        assertEquals(1, proposals.json().get("total").asLong(), proposals.toString());
        JsonNode proposal = proposals.json().get("items").get(0);
        assertEquals("LYON-PARTDIEU", proposal.get("store").get("code").asText());
        assertEquals(6, proposal.get("postIds").size());

        long id = declare("{\"title\":\"Terminaux hors service\",\"theme\":[\"terminal paiement\"],"
            + "\"stores\":[\"LYON-PARTDIEU\"],\"proposalId\":" + proposal.get("id").asLong() + "}");
        assertEquals(6, bed.http.get(Bed.DEMO + "/incidents/" + id + "/items", bed.admin.token()).json().get("total").asLong(),
            "the grouped items come with the proposal");
        assertEquals("accepted", bed.http.get(Bed.DEMO + "/incident-proposals", bed.admin.token()).json().get("items").get(0)
            .get("status").asText());
        assertProblem(409, bed.http.post(Bed.DEMO + "/incidents", bed.admin.token(), "{\"title\":\"Encore\",\"theme\":[\"x\"],"
            + "\"proposalId\":" + proposal.get("id").asLong() + "}"), "a proposal accepted twice");
    }

    @Test
    void aBurstOfSimilarTextsAcrossStoresIsProposedAsOneGroupThoughNoStoreRises() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant next = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600);
        // nine members register and complain: on a loaded machine this takes longer than one store's burst
        if (java.time.Duration.between(now, next).toSeconds() < 180) {
            Thread.sleep(java.time.Duration.between(now, next).toMillis() + 1000);
        }
        List<String> stores = List.of("LYON-PARTDIEU", "PARIS-BERCY", "LILLE-EURALILLE", "BORDEAUX-LAC", "MARSEILLE-VALENTINE");
        for (int i = 0; i < 8; i++) {
            bed.complain(bed.register("Client"), "Rappel du steak haché, lot contaminé (" + i + ")", stores.get(i % stores.size()));
        }
        bed.complain(bed.register("Client"), "Caisse automatique en panne", "LYON-PARTDIEU");
        bed.settle();

        assertEquals(1, bed.incidents.detector.run(java.time.Instant.now()),
            "rappel, steak, hache and contamine rise together: one group; no store has more than 2 of the 8");
        assertEquals(0, bed.incidents.detector.run(java.time.Instant.now()), "a group is proposed once");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM inc_proposal WHERE scope LIKE 'store:%'"));
        JsonNode proposal = bed.http.get(Bed.DEMO + "/incident-proposals", bed.admin.token()).json().get("items").get(0);
        assertTrue(proposal.get("scope").asText().matches("words:(rappel|steak|hache|contamine)"), proposal.toString());
        assertEquals(8, proposal.get("postIds").size(), "the grouped items, without the unrelated complaint");

        long id = declare("{\"title\":\"Rappel steak haché\",\"theme\":[\"rappel steak\"],\"proposalId\":"
            + proposal.get("id").asLong() + "}");
        assertEquals(8, bed.http.get(Bed.DEMO + "/incidents/" + id + "/items", bed.admin.token()).json().get("total").asLong());
    }

    @Test
    void aStoresBurstIsNotProposedAgainUnderTheWordsOfItsTitles() throws Exception {
        java.time.Instant hour = burst("LYON-PARTDIEU", 6, "Terminal de paiement hors service");
        assertEquals(1, bed.incidents.detector.run(java.time.Instant.now()), "6 against nothing, at one store");
        assertEquals(List.of("store:" + bed.store("LYON-PARTDIEU")), bed.server.core.db.inTransaction(c ->
            org.entraide.jdbc.Sql.list(c, "SELECT scope FROM inc_proposal WHERE at_hour = ?", rs -> rs.getString(1), hour)),
            "terminal and paiement rose too, all at Lyon: that store's rise");
    }

    @Test
    void anHourLikeTheSameHourOfPreviousWeeksRaisesNothing() throws Exception {
        String lyon = "store:" + bed.store("LYON-PARTDIEU");
        java.time.Instant hour = burst("LYON-PARTDIEU", 6, "Une réclamation ordinaire");
        history(lyon, hour, 6, 5, 7, 6, 5, 7, 6, 6);
        assertEquals(0, bed.incidents.detector.run(java.time.Instant.now()), "6 is this hour's usual count");
        assertEquals(0, bed.count("SELECT COUNT(*) FROM inc_proposal"));
    }

    @Test
    void theComponentsProvideWhatTheTestsInstall() throws Exception {
        java.util.Set<String> provided = org.entraide.core.internal.support.ComponentDescriptors.provided();
        assertTrue(provided.remove(IncidentsComponent.class.getName()), "the plugin's own object, shared by its components");
        assertEquals(java.util.Set.of("org.apache.camel.RoutesBuilder", "org.entraide.api.plugin.Capability",
            "org.entraide.api.plugin.EventSubscriber", "org.entraide.api.privacy.PersonalData",
            "org.entraide.api.incidents.IncidentItems"), provided);
        assertEquals(provided, org.entraide.core.internal.support.ComponentDescriptors.kinds(bed.incidents.services(), provided),
            "every kind the components provide is listed, and installed by the tests");
        assertFalse(org.entraide.core.internal.support.ComponentDescriptors.declaredByHand(Incidents.class),
            "no service declared by hand");
    }
}
