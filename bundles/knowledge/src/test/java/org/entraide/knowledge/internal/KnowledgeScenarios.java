package org.entraide.knowledge.internal;

import static org.entraide.core.internal.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The knowledge plugin in the real core, over a real database and real HTTP: who writes and reads what, per role and
 * per brand; every version kept; the review list and its event; helpful votes; promotion of an accepted answer and
 * of an official response, once. Subclasses pick H2 or PostgreSQL.
 */
abstract class KnowledgeScenarios {
    static final String DEMO = "/api/v1/brands/demo";

    TestServer server;
    Knowledge plugin;
    Http http;
    Community community;
    Member admin;
    Member moderator;
    Member manager;
    Member customer;
    Member lucas;
    long brandId;
    /** The plugin's time, which tests move forward: review dates come without waiting. */
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    final Clock clock = ((InstantSource) now::get).withZone(ZoneOffset.UTC);
    DataSource ds;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        ds = dataSource();
        server = new TestServer(ds, CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        plugin = start(server, clock);
        server.install(plugin.services());
        http = new Http(server.base());
        community = new Community(http);
        admin = community.demo("admin");
        moderator = community.demo("moderator");
        manager = community.demo("manager");
        customer = community.demo("customer");
        lucas = community.demo("lucas");
        brandId = server.core.brands.find("demo").orElseThrow().id();
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"knowledge\":true}").status());
    }

    static Knowledge start(TestServer server, Clock clock) {
        var p = server.core.platform;
        return Knowledge.start(new Platform(server.core.db, server.core.events, p, p, p, p, server.core.renderer),
            server.core.migrator, server.core.endpoints, new Knowledge.Settings(25, 180, 60_000), clock);
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    @Test
    void staffWriteArticlesReadersReadThePublishedOnesRenderedAndSanitized() {
        Http.Response created = write(moderator, "{\"title\":\"Retours en magasin\",\"body\":\"**30 jours** pour rendre. "
            + "<script>alert(1)</script>\",\"topic\":\"livraison\",\"tags\":[\"Retour\"],\"language\":\"fr\","
            + "\"stores\":[\"LYON-PARTDIEU\"],\"regions\":[\"Rhône\"],\"publish\":true}");
        assertEquals(201, created.status(), created.toString());
        JsonNode a = created.json();
        long id = a.get("id").asLong();
        assertTrue(created.header("Location").endsWith("/articles/" + id), "the new article's address");
        assertTrue(a.get("bodyHtml").asText().contains("<strong>30 jours</strong>"), "Markdown rendered: " + a);
        assertFalse(a.get("bodyHtml").asText().contains("<script"), "raw HTML is never interpreted: " + a);
        assertEquals("livraison", a.get("topic").asText());
        assertEquals("[\"retour\"]", a.get("tags").toString(), "tags kept as posts keep them");
        assertEquals("[\"LYON-PARTDIEU\"]", a.get("stores").toString());
        assertEquals(moderator.id(), a.get("owner").get("id").asLong(), "the writer owns it by default");
        assertEquals("2026-08-29", a.get("reviewOn").asText(), "reviewed after the brand's 180 days");

        JsonNode read = http.get(DEMO + "/articles/" + id, null).json();
        assertEquals("Retours en magasin", read.get("title").asText(), "anyone reads a published article");
        assertFalse(read.has("body") || read.has("owner") || read.has("reviewOn"), "the writers' fields stay theirs: " + read);

        long draft = write(admin, "{\"title\":\"Brouillon\",\"body\":\"pas encore\"}").json().get("id").asLong();
        assertProblem(404, http.get(DEMO + "/articles/" + draft, customer.token()), "a draft is not the brand's word yet");
        assertProblem(404, http.get(DEMO + "/articles/" + draft, manager.token()), "store managers read what customers read");
        assertEquals(200, http.get(DEMO + "/articles/" + draft, moderator.token()).status(), "writers read drafts");
        assertEquals(List.of(id), ids(http.get(DEMO + "/articles", null).json()), "readers list published articles only");
        assertEquals(2, ids(http.get(DEMO + "/articles", admin.token()).json()).size(), "writers list drafts too");
        assertProblem(403, http.get(DEMO + "/articles?status=draft", customer.token()), "drafts are the writers'");

        assertEquals(List.of(id), ids(http.get(DEMO + "/articles?topic=livraison&tag=retour&language=fr&store=LYON-PARTDIEU",
            null).json()), "filters by topic, tag, language and store");
        assertEquals(List.of(), ids(http.get(DEMO + "/articles?language=en", null).json()));
        assertProblem(400, http.get(DEMO + "/articles?topic=nope", null), "an unknown topic");
        assertProblem(400, http.get(DEMO + "/articles?language=de", null), "fr or en");
        assertProblem(400, http.get(DEMO + "/articles?colour=red", null), "an undeclared parameter");
    }

    @Test
    void onlyBrandAdminsAndModeratorsWriteAndOnlyAdminsVerifyAndDelete() {
        String body = "{\"title\":\"Horaires\",\"body\":\"De 9 h à 19 h.\",\"publish\":true}";
        assertProblem(401, write(null, body), "anonymous");
        assertProblem(403, write(customer, body), "a customer");
        assertProblem(403, write(manager, body), "a store manager");
        assertProblem(403, write(moderator, "{\"title\":\"H\",\"body\":\"b\",\"verified\":true}"),
            "moderators write, the brand's admins verify");
        long id = write(moderator, body).json().get("id").asLong();
        assertProblem(403, http.delete(DEMO + "/articles/" + id, moderator.token()), "moderators do not delete");
        assertProblem(403, http.put(DEMO + "/articles/" + id, customer.token(), body), "a customer edits nothing");
        assertProblem(400, write(admin, "{\"title\":\"\",\"body\":\"b\"}"), "a title is required");
        assertProblem(400, write(admin, "{\"title\":\"t\",\"body\":\"b\",\"stores\":[\"NOPE\"]}"), "an unknown store");
        assertProblem(400, write(admin, "{\"title\":\"t\",\"body\":\"b\",\"ownerId\":" + customer.id() + "}"),
            "an owner keeps it true: a writer");
        assertProblem(400, write(admin, "{\"title\":\"t\",\"body\":\"b\",\"reviewOn\":\"2026-13-40\"}"), "a real date");
        assertProblem(400, write(admin, "{\"title\":\"t\",\"body\":\"b\",\"colour\":1}"), "an unknown field");

        JsonNode verified = http.put(DEMO + "/articles/" + id, admin.token(),
            "{\"title\":\"Horaires\",\"body\":\"De 9 h à 20 h.\",\"publish\":true,\"verified\":true}").json();
        assertEquals("2026-03-02T09:00:00Z", verified.get("verifiedAt").asText(), "verified by the brand now");
        assertEquals(204, http.delete(DEMO + "/articles/" + id, admin.token()).status());
        assertProblem(404, http.get(DEMO + "/articles/" + id, admin.token()), "deleted");
        assertProblem(404, http.delete(DEMO + "/articles/" + id, admin.token()), "deleted once");
    }

    @Test
    void anotherBrandsArticlesAreUnknownAndUntouched() {
        long id = write(admin, "{\"title\":\"Chez nous\",\"body\":\"seulement\",\"publish\":true}").json().get("id").asLong();
        server.core.administration.createBrand("autre", "Autre Maison", "admin@autre.example", DemoSeeder.PASSWORD,
            "Equipe-Autre");
        String other = server.core.accounts.login("autre", "admin@autre.example", DemoSeeder.PASSWORD).token();
        String autre = "/api/v1/brands/autre";
        assertProblem(404, http.get(autre + "/articles", other), "a brand that did not enable knowledge");
        assertEquals(200, http.put(autre + "/features", other, "{\"knowledge\":true}").status());
        assertProblem(404, http.get(autre + "/articles/" + id, other), "demo's article under another brand");
        assertProblem(404, http.put(autre + "/articles/" + id, other, "{\"title\":\"Pris\",\"body\":\"x\"}"), "not theirs");
        assertProblem(404, http.delete(autre + "/articles/" + id, other), "not theirs");
        assertProblem(404, http.get(autre + "/articles/" + id + "/versions", other), "not theirs");
        assertProblem(403, http.put(DEMO + "/articles/" + id, other, "{\"title\":\"Pris\",\"body\":\"x\"}"),
            "a token of another brand");
        assertEquals(List.of(), ids(http.get(autre + "/articles", other).json()));
        assertEquals("Chez nous", http.get(DEMO + "/articles/" + id, null).json().get("title").asText(), "unchanged");
        assertEquals(1, http.get(DEMO + "/articles/" + id, admin.token()).json().get("version").asInt(), "unchanged");
    }

    @Test
    void everyEditIsKeptAndReadableByWriters() {
        long id = write(moderator, "{\"title\":\"V1\",\"body\":\"premier\"}").json().get("id").asLong();
        advance(Duration.ofHours(1));
        assertEquals(200, http.put(DEMO + "/articles/" + id, admin.token(),
            "{\"title\":\"V2\",\"body\":\"*deuxième*\",\"publish\":true,\"verified\":true}").status());
        advance(Duration.ofHours(1));
        JsonNode v3 = http.put(DEMO + "/articles/" + id, moderator.token(),
            "{\"title\":\"V3\",\"body\":\"troisième\",\"publish\":true}").json();
        assertEquals(3, v3.get("version").asInt());
        assertFalse(v3.has("verifiedAt"), "an edit the brand did not verify loses the stamp: " + v3);

        JsonNode versions = http.get(DEMO + "/articles/" + id + "/versions", moderator.token()).json().get("items");
        List<String> titles = new ArrayList<>();
        versions.forEach(v -> titles.add(v.get("version").asInt() + ":" + v.get("title").asText() + ":"
            + v.get("editor").get("pseudonym").asText() + ":" + v.get("verified").asBoolean()));
        assertEquals(List.of("3:V3:" + moderator.pseudonym() + ":false", "2:V2:" + admin.pseudonym() + ":true",
            "1:V1:" + moderator.pseudonym() + ":false"), titles, "newest first, each with its editor");
        JsonNode v2 = http.get(DEMO + "/articles/" + id + "/versions/2", admin.token()).json();
        assertEquals("*deuxième*", v2.get("body").asText());
        assertTrue(v2.get("bodyHtml").asText().contains("<em>deuxième</em>"), v2.toString());
        assertProblem(404, http.get(DEMO + "/articles/" + id + "/versions/9", admin.token()), "no such version");
        assertProblem(403, http.get(DEMO + "/articles/" + id + "/versions", customer.token()), "the writers' history");
    }

    @Test
    void articlesPastReviewAreListedForTheirOwnerAndAnnouncedOnce() throws Exception {
        long due = write(moderator, "{\"title\":\"Garantie\",\"body\":\"deux ans\",\"publish\":true,\"reviewOn\":\"2026-03-05\"}")
            .json().get("id").asLong();
        long later = write(moderator, "{\"title\":\"Plus tard\",\"body\":\"b\",\"reviewOn\":\"2026-06-01\"}").json()
            .get("id").asLong();
        long adminsOwn = write(admin, "{\"title\":\"À l'admin\",\"body\":\"b\",\"reviewOn\":\"2026-03-03\"}").json()
            .get("id").asLong();
        assertEquals(List.of(), ids(http.get(DEMO + "/knowledge/reviews", moderator.token()).json()), "nothing due yet");
        assertEquals(0, plugin.sweepReviews());

        advance(Duration.ofDays(4));
        assertEquals(List.of(due), ids(http.get(DEMO + "/knowledge/reviews", moderator.token()).json()),
            "the owner's own past review");
        assertEquals(List.of(adminsOwn, due), ids(http.get(DEMO + "/knowledge/reviews?owner=all", admin.token()).json()),
            "an admin sees everyone's, oldest due first");
        assertProblem(403, http.get(DEMO + "/knowledge/reviews?owner=all", moderator.token()), "others' are the admin's");
        assertProblem(403, http.get(DEMO + "/knowledge/reviews", customer.token()), "writers only");

        assertEquals(2, plugin.sweepReviews(), "both due articles are announced");
        assertEquals(0, plugin.sweepReviews(), "once");
        assertEquals(List.of("article:" + due + ":user:" + moderator.id(), "article:" + adminsOwn + ":user:" + admin.id()),
            reviewEvents(), "article.review-due to each owner");

        http.put(DEMO + "/articles/" + due, moderator.token(), "{\"title\":\"Garantie\",\"body\":\"deux ans, vérifié\","
            + "\"publish\":true,\"reviewOn\":\"2026-03-07\"}");
        assertEquals(List.of(), ids(http.get(DEMO + "/knowledge/reviews", moderator.token()).json()), "reviewed");
        advance(Duration.ofDays(2));
        assertEquals(1, plugin.sweepReviews(), "its next review date is announced again");
        assertFalse(ids(http.get(DEMO + "/knowledge/reviews?owner=all", admin.token()).json()).contains(later));
    }

    @Test
    void readersSayOnceWhetherAnArticleHelpedAndWhyNot() {
        long id = write(admin, "{\"title\":\"Carte fidélité\",\"body\":\"b\",\"publish\":true}").json().get("id").asLong();
        String url = DEMO + "/articles/" + id + "/helpful";
        assertProblem(401, http.put(url, null, "{\"helpful\":true}"), "signed-in readers only");
        assertEquals(200, http.put(url, customer.token(), "{\"helpful\":true}").status());
        assertEquals(200, http.put(url, customer.token(), "{\"helpful\":true}").status(), "again: still one vote");
        assertProblem(400, http.put(url, lucas.token(), "{\"helpful\":false}"), "say why when not");
        assertProblem(400, http.put(url, lucas.token(), "{\"helpful\":false,\"reason\":\"" + "x".repeat(281) + "\"}"), "short");
        JsonNode t = http.put(url, lucas.token(), "{\"helpful\":false,\"reason\":\"Mon magasin n'a pas de carte\"}").json();
        assertEquals(1, t.get("helpful").asLong());
        assertEquals(1, t.get("notHelpful").asLong());
        assertFalse(t.get("mine").asBoolean());
        JsonNode changed = http.put(url, customer.token(), "{\"helpful\":false,\"reason\":\"En fait non\"}").json();
        assertEquals(0, changed.get("helpful").asLong(), "changed, not added");
        assertEquals(2, changed.get("notHelpful").asLong());

        JsonNode pub = http.get(url, null).json();
        assertFalse(pub.has("reasons"), "readers see counts only: " + pub);
        JsonNode staff = http.get(url, moderator.token()).json();
        assertEquals(2, staff.get("reasons").size(), "writers read why: " + staff);
        assertFalse(staff.toString().contains(customer.pseudonym()), "never who said it");
        assertEquals(2, http.get(DEMO + "/articles/" + id, null).json().get("votes").get("notHelpful").asLong());

        long draft = write(admin, "{\"title\":\"Brouillon\",\"body\":\"b\"}").json().get("id").asLong();
        assertProblem(404, http.put(DEMO + "/articles/" + draft + "/helpful", customer.token(), "{\"helpful\":true}"),
            "a draft takes no votes");
    }

    @Test
    void anAcceptedAnswerBecomesAnArticleOnceCreditingItsAuthor() {
        long question = community.askId(customer, "Comment fixer une étagère lourde ?", "fixation");
        long answer = community.answer(lucas, "demo", question, "Des chevilles **Molly** pour placo.").json().get("id").asLong();
        String promote = DEMO + "/posts/" + answer + "/promote";
        assertProblem(422, http.post(promote, admin.token(), "{}"), "an answer not accepted is not the community's finding");
        assertEquals(200, community.accept(customer, "demo", question, answer).status());
        assertProblem(403, http.post(promote, customer.token(), "{}"), "a customer promotes nothing");
        assertProblem(403, http.post(promote, manager.token(), "{}"), "a store manager neither");
        assertProblem(422, http.post(DEMO + "/posts/" + question + "/promote", admin.token(), "{}"), "a question is not");

        Http.Response r = http.post(promote, moderator.token(), "{\"publish\":true,\"language\":\"fr\"}");
        assertEquals(201, r.status(), r.toString());
        JsonNode a = r.json();
        assertEquals("Comment fixer une étagère lourde ?", a.get("title").asText(), "the question's title");
        assertTrue(a.get("bodyHtml").asText().contains("<strong>Molly</strong>"), "the answer's words: " + a);
        assertEquals(lucas.id(), a.get("contributor").get("id").asLong(), "the contributor is credited");
        assertEquals(question, a.get("source").get("threadId").asLong(), "the thread links to it");
        assertEquals("[\"fixation\"]", a.get("tags").toString(), "the thread's tags");
        assertEquals(List.of(a.get("id").asLong()), ids(http.get(DEMO + "/articles?thread=" + question, null).json()),
            "the question page finds its article");
        assertEquals(List.of("contributor " + lucas.id() + " points 25"), promotedEvents(), "the brand's points, once");

        assertProblem(409, http.post(promote, admin.token(), "{}"), "promoted once");
        assertEquals(1, promotedEvents().size(), "no second reward");
    }

    @Test
    void anOfficialResponseBecomesAnArticleWithoutNamingTheComplainant() {
        assertEquals(200, http.put(DEMO + "/knowledge/settings", admin.token(),
            "{\"promotionPoints\":40,\"reviewDays\":30}").status());
        assertProblem(403, http.put(DEMO + "/knowledge/settings", moderator.token(),
            "{\"promotionPoints\":40,\"reviewDays\":30}"), "the brand's admins set the points");
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        Http.Response responded = community.respond(manager, "demo", complaint, "Les retours se font sans ticket sous 30 jours.");
        assertEquals(201, responded.status(), responded.toString());
        long response = responded.json().get("id").asLong();
        JsonNode a = http.post(DEMO + "/posts/" + response + "/promote", admin.token(),
            "{\"title\":\"Retour sans ticket\",\"publish\":true}").json();
        assertEquals("Retour sans ticket", a.get("title").asText());
        assertEquals(manager.id(), a.get("contributor").get("id").asLong(), "the responder is credited");
        assertFalse(a.toString().contains(customer.pseudonym()), "the complainant is never named: " + a);
        assertEquals(List.of("contributor " + manager.id() + " points 40"), promotedEvents(), "the brand's own points");
        assertEquals("2026-04-01", http.get(DEMO + "/articles/" + a.get("id").asLong(), admin.token()).json()
            .get("reviewOn").asText(), "the brand's own review days");
    }

    @Test
    void askersWhoStopAtAnArticleAreCountedOncePerDay() {
        long id = write(admin, "{\"title\":\"Livraison gratuite\",\"body\":\"dès 50 €\",\"publish\":true}").json()
            .get("id").asLong();
        String url = DEMO + "/articles/" + id + "/deflections";
        assertProblem(401, http.post(url, null, ""), "askers are signed in");
        assertTrue(http.post(url, customer.token(), "").json().get("counted").asBoolean());
        assertFalse(http.post(url, customer.token(), "").json().get("counted").asBoolean(), "once a day");
        assertTrue(http.post(url, lucas.token(), "").json().get("counted").asBoolean());
        JsonNode figures = http.get(DEMO + "/knowledge/deflections", admin.token()).json();
        assertEquals(2, figures.get("askers").asLong(), figures.toString());
        assertEquals(id, figures.get("articles").get(0).get("id").asLong());
        assertProblem(403, http.get(DEMO + "/knowledge/deflections", moderator.token()), "the brand admins' figures");
    }

    @Test
    void aMembersVotesAreInTheirExportAndTheirWordsGoWithTheirAccount() {
        long id = write(admin, "{\"title\":\"Garantie\",\"body\":\"b\",\"publish\":true}").json().get("id").asLong();
        http.put(DEMO + "/articles/" + id + "/helpful", lucas.token(), "{\"helpful\":false,\"reason\":\"Trop vague\"}");
        var export = plugin.personalData.export(brandId, lucas.id()).toString();
        assertTrue(export.contains("Trop vague") && export.contains("articleId=" + id), export);
        assertTrue(plugin.personalData.export(brandId, admin.id()).toString().contains("articles=[" + id + "]"),
            "the articles a member owns");
        plugin.personalData.erase(brandId, lucas.id());
        plugin.personalData.erase(brandId, lucas.id());
        JsonNode staff = http.get(DEMO + "/articles/" + id + "/helpful", admin.token()).json();
        assertEquals(1, staff.get("notHelpful").asLong(), "the vote still counts");
        assertFalse(staff.toString().contains("Trop vague"), "their words are gone: " + staff);
    }

    /** The components Karaf starts provide exactly the kinds of service the tests install from {@code services()}. */
    @Test
    void theComponentsProvideWhatTheTestsInstall() throws Exception {
        java.util.Set<String> provided = org.entraide.core.internal.support.ComponentDescriptors.provided();
        assertTrue(provided.remove(KnowledgeComponent.class.getName()), "the plugin's own object, shared by its components");
        assertEquals(java.util.Set.of("org.apache.camel.RoutesBuilder", "org.entraide.api.plugin.Capability",
            "org.entraide.api.knowledge.Articles", "org.entraide.api.privacy.PersonalData"), provided);
        assertEquals(provided, org.entraide.core.internal.support.ComponentDescriptors.kinds(plugin.services(), provided),
            "every kind the components provide is listed, and installed by the tests");
        assertFalse(org.entraide.core.internal.support.ComponentDescriptors.declaredByHand(plugin.getClass()),
            "no service declared by hand");
    }

    // ---- helpers

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    Http.Response write(Member who, String body) {
        return http.post(DEMO + "/articles", who == null ? null : who.token(), body);
    }

    static List<Long> ids(JsonNode page) {
        assertTrue(page.has("items"), "a page of items: " + page);
        return Community.ids(page);
    }

    private List<String> reviewEvents() throws Exception {
        return rows("SELECT payload, subject_id FROM domain_event WHERE event_type = 'article.review-due' ORDER BY id",
            rs -> "article:" + json(rs.getString(1)).get("articleId").asLong() + ":user:" + rs.getLong(2));
    }

    private List<String> promotedEvents() {
        return rows("SELECT payload FROM domain_event WHERE event_type = 'article.promoted' ORDER BY id", rs -> {
            JsonNode p = json(rs.getString(1));
            return "contributor " + p.get("contributorId").asLong() + " points " + p.get("points").asInt();
        });
    }

    interface Row<T> {
        T map(ResultSet rs) throws Exception;
    }

    private <T> List<T> rows(String sql, Row<T> row) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
