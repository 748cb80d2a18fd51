package org.entraide.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.api.event.ComplaintReopened;
import org.entraide.api.event.NewEvent;
import org.entraide.api.knowledge.ArticleReviewDue;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.moderation.ModerationEvents;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.MutableClock;
import org.entraide.core.internal.support.Problems;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifications plugin in the real core, over a real database: what each flow tells whom, exactly once, never
 * to the actor and never naming a complainant to a manager; preferences, follows, e-mails and their grouping per
 * thread window, unsubscribe links, and who may call what. E-mail goes to a recording fake of the platform's
 * {@code Mail}. Subclasses pick H2 or PostgreSQL.
 */
abstract class NotificationScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    static final String BASE = "https://entraide.example";

    TestServer server;
    NotificationsPlugin plugin;
    Http http;
    Community community;
    FakeMail mail;
    MutableClock clock;
    Member admin;
    Member customer;
    Member lucas;
    Member manager;
    Member moderator;
    long brandId;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        mail = new FakeMail();
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        var p = server.core.platform;
        // the timer never fires during a test: tests flush grouped e-mails themselves, at the clock's time
        plugin = new NotificationsPlugin(server.core.db, server.core.migrator, server.core.endpoints, server.core.capabilities,
            new Platform(p, p, p, p, server.core.eventReader, server.core.contributions), mail,
            new NotificationSettings(BASE + "/", null, Duration.ofMinutes(10), "fr", Duration.ofHours(1)), clock);
        server.core.capabilities.install(new NotificationCapability());
        server.core.pipeline.add(new HoldStep());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        http = new Http(server.base());
        community = new Community(http);
        admin = community.demo("admin");
        customer = community.demo("customer");
        lucas = community.demo("lucas");
        manager = community.demo("manager");
        moderator = community.demo("moderator");
        brandId = server.core.brands.find("demo").orElseThrow().id();
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"notifications\":true}").status());
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    /** Holds for review every post whose text says "[hold]", with a note: moderation without the moderation plugin. */
    static final class HoldStep implements SubmissionStep {
        @Override
        public String capability() {
            return null;
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Submission apply(Submission s) {
            boolean hold = s.kind() == Submission.Kind.POST && ((s.title() != null && s.title().contains("[hold]"))
                || (s.body() != null && s.body().contains("[hold]")));
            return hold ? s.withState(PublicationState.PENDING_REVIEW, "lien suspect") : s;
        }
    }

    // ---- helpers

    JsonNode page(Member m, String query) {
        Http.Response r = http.get(DEMO + "/me/notifications" + query, m.token());
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    List<JsonNode> items(Member m, String kind) {
        List<JsonNode> out = new ArrayList<>();
        page(m, "?size=100").get("items").forEach(i -> {
            if (kind == null || kind.equals(i.get("kind").asText())) {
                out.add(i);
            }
        });
        return out;
    }

    JsonNode awaitOne(Member m, String kind) {
        Awaitility.await(m.pseudonym() + " gets " + kind).atMost(Duration.ofSeconds(20)).until(() -> items(m, kind).size() >= 1);
        List<JsonNode> found = items(m, kind);
        assertEquals(1, found.size(), "exactly one " + kind + ": " + found);
        return found.get(0);
    }

    /** Waits until the subscriber has handled every event appended so far. */
    void drained() {
        Awaitility.await("the subscriber catches up").atMost(Duration.ofSeconds(20)).until(() -> server.core.db.inTransaction(c ->
            Sql.count(c, "SELECT COUNT(*) FROM domain_event WHERE seq IS NULL OR seq > (SELECT position FROM event_subscriber "
                + "WHERE name = 'notifications')")) == 0);
    }

    long rows(String where, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_notification WHERE " + where, params));
    }

    String allParams(long recipient) {
        List<String> params = server.core.db.inTransaction(c -> Sql.list(c, "SELECT params FROM ntf_notification "
            + "WHERE recipient_id = ?", rs -> rs.getString(1), recipient));
        return String.join("\n", params);
    }

    long append(String type, Long actor, long complaint, Map<String, Object> payload) {
        return server.core.db.inTransaction(c -> server.core.events.append(c, NewEvent.of(brandId, type, actor, "post", complaint,
            payload)));
    }

    long storeId(String code) {
        return server.core.db.inTransaction(c -> server.core.platform.byCode(c, brandId, code)).orElseThrow().id();
    }

    static String query(String url, String name) {
        for (String kv : URI.create(url).getRawQuery().split("&")) {
            if (kv.startsWith(name + "=")) {
                return URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    // ---- scenarios

    @Test
    void anAnswerAndItsAcceptanceTellTheAskerAndTheAnswererOnceNeverTheActor() {
        long q = community.askId(customer, "Quelle cheville pour du placo ?");
        community.answerId(lucas, q);
        JsonNode n = awaitOne(customer, "answer.posted");
        assertEquals("/b/demo/questions/" + q, n.get("link").asText());
        assertEquals("Nouvelle réponse à votre question « Quelle cheville pour du placo ? »", n.get("text").asText());
        assertFalse(n.get("read").asBoolean());
        assertEquals(1, page(customer, "").get("unread").asInt());
        assertEquals("New answer to your question “Quelle cheville pour du placo ?”",
            page(customer, "?lang=en").get("items").get(0).get("text").asText());

        long answer = community.http().get(DEMO + "/questions/" + q, customer.token()).json().get("answers").get(0).get("id").asLong();
        assertEquals(200, community.accept(customer, "demo", q, answer).status());
        JsonNode accepted = awaitOne(lucas, "answer.accepted");
        assertEquals("/b/demo/questions/" + q, accepted.get("link").asText());
        drained();
        assertEquals(0, items(lucas, "answer.posted").size(), "the answerer is not told of their own answer");
        assertEquals(0, items(customer, "answer.accepted").size(), "the asker accepted: not told of it");

        // e-mail: default channel, member's language, absolute link, one-click unsubscribe
        List<OutgoingMail> toCustomer = mail.to("customer@demo.example");
        assertEquals(1, toCustomer.size(), toCustomer.toString());
        OutgoingMail m = toCustomer.get(0);
        assertEquals("ntf-" + n.get("id").asLong(), m.key());
        assertTrue(m.subject().contains("Nouvelle réponse"), m.subject());
        assertTrue(m.text().contains(BASE + "/b/demo/questions/" + q), m.text());
        assertTrue(m.html().contains("&#39;") || m.html().contains("« Quelle cheville"), m.html());
        assertTrue(m.headers().get("List-Unsubscribe").startsWith("<" + BASE + "/api/v1/brands/demo/notifications/unsubscribe?token="));
        assertEquals("List-Unsubscribe=One-Click", m.headers().get("List-Unsubscribe-Post"));
    }

    @Test
    void aCommentTellsThePostsAuthorAndAMentionTellsTheMemberOnceNeverTheCommenter() {
        long q = community.askId(customer, "Quel enduit pour une fissure ?");
        long answer = community.answerId(lucas, q);
        Member other = community.join("demo");
        Http.Response r = http.post(DEMO + "/posts/" + answer + "/comments", other.token(), Http.json("body",
            "Merci @" + lucas.pseudonym() + " et @" + moderator.pseudonym() + ", je suis @" + other.pseudonym()));
        assertEquals(201, r.status(), r.toString());
        JsonNode mentioned = awaitOne(moderator, "member.mentioned");
        assertEquals("/b/demo/questions/" + q, mentioned.get("link").asText());
        assertTrue(mentioned.get("text").asText().contains(other.pseudonym()), "it names who mentioned: " + mentioned);
        awaitOne(lucas, "member.mentioned");
        drained();
        assertEquals(0, items(lucas, "comment.posted").size(), "the answer's author, mentioned, is told once");
        assertEquals(0, items(other, null).size(), "the commenter is told nothing of their own comment or mention");

        Http.Response plain = http.post(DEMO + "/posts/" + q + "/comments", other.token(), Http.json("body", "Et au plafond ?"));
        assertEquals(201, plain.status(), plain.toString());
        JsonNode commented = awaitOne(customer, "comment.posted");
        assertEquals("/b/demo/questions/" + q, commented.get("link").asText());
        assertEquals("New comment by " + other.pseudonym() + " on your post in “Quel enduit pour une fissure ?”",
            page(customer, "?lang=en&size=100").get("items").get(0).get("text").asText());
        Http.Response own = http.post(DEMO + "/posts/" + q + "/comments", customer.token(), Http.json("body", "Au plafond aussi."));
        assertEquals(201, own.status(), own.toString());
        drained();
        assertEquals(1, items(customer, "comment.posted").size(), "nobody is told of their own comment");
        assertEquals(1, items(moderator, "member.mentioned").size(), "and each mention is told once");
    }

    @Test
    void aReplayedEventCreatesNothingTwice() {
        drained();
        long start = server.core.db.inTransaction(c -> Sql.count(c, "SELECT position FROM event_subscriber WHERE name = 'notifications'"));
        long q = community.askId(customer, "Quel joint pour la douche ?");
        community.answerId(lucas, q);
        community.answerId(moderator, q);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> items(customer, "answer.posted").size() == 2);
        drained();
        long notifications = rows("brand_id = ?", brandId);
        int mails = mail.queued.size();
        assertTrue(notifications >= 3, "the asker twice, lucas once: " + notifications);
        long end = server.core.db.inTransaction(c -> Sql.count(c, "SELECT position FROM event_subscriber WHERE name = 'notifications'"));
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET position = ? WHERE name = 'notifications'", start));
        Awaitility.await("replayed").atMost(Duration.ofSeconds(20)).until(() -> server.core.db.inTransaction(c ->
            Sql.count(c, "SELECT position FROM event_subscriber WHERE name = 'notifications'")) >= end);
        assertEquals(notifications, rows("brand_id = ?", brandId), "no notification twice");
        assertEquals(mails, mail.queued.size(), "no e-mail twice");
    }

    @Test
    void moderationDecisionsReachTheAuthorWithTheReason() {
        Http.Response held = community.ask(customer, "demo", "Mon site [hold] de bricolage", "Venez voir", null, List.of());
        assertEquals(201, held.status(), held.toString());
        long q = held.json().get("id").asLong();
        JsonNode h = awaitOne(customer, "post.held");
        assertEquals("Votre message « Mon site [hold] de bricolage » attend une relecture : lien suspect", h.get("text").asText());
        assertEquals("/b/demo/me/moderation", h.get("link").asText());

        server.core.publications.change(brandId, q, PublicationState.PUBLISHED, moderator.id(), "vérifié");
        awaitOne(customer, "post.approved");
        server.core.publications.change(brandId, q, PublicationState.HIDDEN, moderator.id(), "signalements");
        JsonNode hidden = awaitOne(customer, "post.hidden");
        assertTrue(hidden.get("text").asText().endsWith(": signalements"), hidden.toString());
        server.core.publications.change(brandId, q, PublicationState.PUBLISHED, moderator.id(), "rétabli");
        JsonNode restored = awaitOne(customer, "post.restored");
        assertEquals("/b/demo/questions/" + q, restored.get("link").asText());

        Http.Response other = community.ask(customer, "demo", "Encore [hold] un lien", "Venez voir", null, List.of());
        server.core.publications.change(brandId, other.json().get("id").asLong(), PublicationState.REJECTED, moderator.id(), "publicité");
        JsonNode rejected = awaitOne(customer, "post.rejected");
        assertEquals("Votre message « Encore [hold] un lien » a été refusé : publicité. Vous pouvez faire appel.",
            rejected.get("text").asText());
        assertEquals("/b/demo/me/moderation", rejected.get("link").asText(), "where the author appeals");
        assertEquals("Your post “Encore [hold] un lien” was rejected: publicité. You can appeal.",
            page(customer, "?lang=en").get("items").get(0).get("text").asText());
        drained();
        assertEquals(0, items(moderator, null).size(), "the moderator acted: nothing for them");
    }

    @Test
    void staffHearOfEscalationsAppealsAndLateReviewsMembersOfDecisionsAboutThem() {
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        long store = storeId("LYON-PARTDIEU");
        append(LocalManagerEvents.COMPLAINT_ASSIGNED, null, complaint, Map.of("complaintId", complaint, "storeId", store,
            "managerId", manager.id(), "dueAt", "2026-03-03T17:00:00Z", "timeZone", "Europe/Paris"));
        assertTrue(awaitOne(customer, "complaint.sent").get("text").asText().contains("03/03/2026 à 18:00 (Europe/Paris)"),
            "the deadline in the store's time zone");
        append(LocalManagerEvents.COMPLAINT_ESCALATED, null, complaint, Map.of("complaintId", complaint, "storeId", store,
            "to", "region", "managerIds", List.of(lucas.id()), "dueAt", "2026-03-03T17:00:00Z", "timeZone", "Europe/Paris"));
        JsonNode toRegion = awaitOne(lucas, "complaint.escalated-to-me");
        assertTrue(toRegion.get("text").asText().contains("Lyon Part-Dieu"), toRegion.toString());
        append(LocalManagerEvents.COMPLAINT_ESCALATED, null, complaint, Map.of("complaintId", complaint, "storeId", store,
            "to", "central"));
        assertTrue(awaitOne(admin, "complaint.escalated-to-me").get("text").asText().contains("siège"), "the central team");

        server.core.db.inTransaction(c -> server.core.events.append(c, NewEvent.of(brandId, ModerationEvents.APPEAL_FILED, null,
            "appeal", 41, Map.of("appealId", 41, "subject", "ITEM"))));
        assertEquals("/b/demo/moderation", awaitOne(moderator, "appeal.filed").get("link").asText());
        server.core.db.inTransaction(c -> server.core.events.append(c, NewEvent.of(brandId, ModerationEvents.REVIEW_OVERDUE, null,
            "post", complaint, Map.of("itemId", 7, "postId", complaint, "source", "HOLD", "waitingSince", "2026-03-01T09:00:00Z"))));
        awaitOne(moderator, "review.overdue");
        server.core.db.inTransaction(c -> server.core.events.append(c, NewEvent.of(brandId, ModerationEvents.APPEAL_DECIDED,
            moderator.id(), "appeal", 41, Map.of("appealId", 41, "subject", "ITEM", "outcome", "OVERTURNED", "reason", "erreur",
                "appellantId", customer.id()))));
        assertTrue(awaitOne(customer, "appeal.decided").get("text").asText().startsWith("Votre appel est accepté"));
        server.core.db.inTransaction(c -> server.core.events.append(c, NewEvent.of(brandId, ModerationEvents.SANCTION_IMPOSED,
            moderator.id(), "user", lucas.id(), Map.of("sanctionId", 3, "userId", lucas.id(), "kind", "SILENCE", "reason", "insultes",
                "endsAt", "2026-03-04T09:00:00Z"))));
        assertTrue(awaitOne(lucas, "sanction.imposed").get("text").asText().contains("SILENCE"));
        server.core.db.inTransaction(c -> server.core.events.append(c, brandId, null, moderator.id(),
            new ArticleReviewDue(12, moderator.id(), "Garantie", "2026-03-01")));
        JsonNode review = awaitOne(moderator, "article.review-due");
        assertEquals("/b/demo/knowledge/reviews", review.get("link").asText(), "the owner's articles to review");
        assertTrue(review.get("text").asText().contains("Garantie"), review.toString());
        drained();

        assertEquals(0, items(customer, "appeal.filed").size() + items(manager, "review.overdue").size(), "staff only");
        assertEquals(0, items(moderator, "appeal.decided").size(), "the deciding moderator is the actor");
        String toStaff = allParams(moderator.id()) + items(moderator, null) + allParams(admin.id()) + allParams(lucas.id());
        assertFalse(toStaff.contains(customer.pseudonym()) || toStaff.contains(customer.email()), "no complainant named: " + toStaff);
    }

    @Test
    void brandAdminsGetOneSummaryOfTheirDayOnceItIsOver() {
        Member newcomer = community.join("demo");
        long q = community.askId(newcomer, "Quel mastic pour une fenêtre ?");
        long answer = community.answerId(lucas, q);
        assertEquals(200, community.accept(newcomer, "demo", q, answer).status());
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        append(LocalManagerEvents.COMPLAINT_ESCALATED, null, complaint, Map.of("complaintId", complaint,
            "storeId", storeId("LYON-PARTDIEU"), "to", "region"));
        drained();
        assertEquals(0, plugin.summariesDue(), "the day is not over");

        // the plugin's clock moves to the next day (UTC): the events' day is over
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), today.plusDays(1).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC)));
        assertEquals(1, plugin.summariesDue(), "one summary, to the demo brand's one admin");
        assertEquals(0, plugin.summariesDue(), "never twice");
        JsonNode summary = awaitOne(admin, "summary.daily");
        String text = summary.get("text").asText();
        assertTrue(text.startsWith("Résumé du " + today), text);
        assertTrue(text.contains("1 nouveaux membres, 1 questions, 1 réponses, 1 réclamations dont 1 en retard, 0 messages retenus")
            && text.contains(lucas.pseudonym()), text);
        assertEquals("/b/demo/admin/dashboard", summary.get("link").asText());
        assertEquals(0, items(customer, "summary.daily").size() + items(moderator, "summary.daily").size(), "admins only");
        assertFalse(text.contains(customer.pseudonym()), "the complainant is no contributor of the summary");
    }

    @Test
    void complaintFlowsTellTheComplainantAndTheManagersWithoutNamingTheComplainant() {
        assertEquals(200, http.put(DEMO + "/me/notification-preferences", manager.token(), "{\"language\":\"en\"}").status());
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", true);
        long store = storeId("LYON-PARTDIEU");
        Map<String, Object> assigned = new HashMap<>(Map.of("complaintId", complaint, "storeId", store, "managerId", manager.id(),
            "dueAt", "2026-03-03T17:00:00Z"));
        append(LocalManagerEvents.COMPLAINT_ASSIGNED, null, complaint, assigned);
        JsonNode sent = awaitOne(customer, "complaint.sent");
        assertEquals("/b/demo/complaints/" + complaint, sent.get("link").asText());
        assertTrue(sent.get("text").asText().contains("Lyon Part-Dieu"), sent.toString());
        assertTrue(sent.get("text").asText().contains("03/03/2026 à 17:00 (UTC)"), sent.toString());
        JsonNode toManager = awaitOne(manager, "complaint.assigned");
        assertEquals("/b/demo/manager", toManager.get("link").asText());

        Map<String, Object> reminder = new HashMap<>(assigned);
        reminder.put("percent", 90);
        append(LocalManagerEvents.COMPLAINT_REMINDER, null, complaint, reminder);
        assertTrue(awaitOne(manager, "complaint.reminder").get("text").asText().startsWith("Reminder: 90%"), "in the manager's language");
        append(LocalManagerEvents.DETAILS_REQUESTED, manager.id(), complaint, Map.of("complaintId", complaint, "messageId", 1));
        awaitOne(customer, "complaint.details-requested");
        append(LocalManagerEvents.DETAILS_GIVEN, customer.id(), complaint, Map.of("complaintId", complaint, "messageId", 2));
        awaitOne(manager, "complaint.details-given");
        append(LocalManagerEvents.COMPLAINT_ESCALATED, null, complaint, Map.of("complaintId", complaint, "storeId", store, "to", "region"));
        assertTrue(awaitOne(customer, "complaint.escalated").get("text").asText().contains("région"));
        append(LocalManagerEvents.COMPLAINT_DELEGATED, manager.id(), complaint, Map.of("complaintId", complaint, "fromStoreId", store,
            "storeId", store, "managerId", lucas.id(), "reason", "mieux placé"));
        awaitOne(lucas, "complaint.delegated");
        assertEquals(201, community.respond(manager, "demo", complaint, "Nous avons retrouvé votre commande.").status());
        JsonNode responded = awaitOne(customer, "complaint.responded");
        assertEquals("/b/demo/complaints/" + complaint, responded.get("link").asText());
        server.core.db.inTransaction(c -> server.core.events.append(c, brandId, customer.id(), complaint,
            new ComplaintReopened(complaint, ComplaintStatus.RESOLVED, store)));
        awaitOne(manager, "complaint.reopened");
        drained();

        assertEquals(0, items(manager, "complaint.details-requested").size(), "the manager asked: not told of it");
        assertEquals(0, items(customer, "complaint.details-given").size());
        assertEquals(0, items(customer, "complaint.reopened").size(), "the complainant reopened it: not told of it");
        for (Member m : List.of(manager, lucas)) {
            String everything = allParams(m.id()) + items(m, null) + mail.to(m.email());
            for (String identity : List.of(customer.pseudonym(), customer.email(), "customer@")) {
                assertFalse(everything.contains(identity), m.pseudonym() + " must never see the complainant: " + everything);
            }
        }
        List<OutgoingMail> toManager2 = mail.to("manager@demo.example");
        assertFalse(toManager2.isEmpty(), "managers are e-mailed by default");
        assertTrue(toManager2.get(0).subject().startsWith("New complaint for the store Lyon Part-Dieu"), "in the manager's language: "
            + toManager2.get(0).subject());
        assertTrue(toManager2.get(0).text().contains(BASE + "/b/demo/manager"), toManager2.get(0).text());
        assertTrue(mail.to(customer.email()).get(0).text().contains(BASE + "/b/demo/complaints/" + complaint));
    }

    @Test
    void preferencesChooseTheChannelAndTheLanguageBrandDefaultsApplyUntilAMemberChooses() {
        JsonNode prefs = http.get(DEMO + "/me/notification-preferences", customer.token()).json();
        assertEquals("fr", prefs.get("language").asText());
        assertEquals(Kind.ALL.size(), prefs.get("kinds").size());
        assertEquals("email", kindOf(prefs, "answer.posted").get("channel").asText());
        assertEquals("daily", kindOf(prefs, "question.posted").get("default").asText());
        assertEquals("app", kindOf(prefs, "badge.awarded").get("channel").asText());

        Http.Response bad = http.put(DEMO + "/me/notification-preferences", customer.token(),
            "{\"kinds\":[{\"kind\":\"answer.pasted\",\"channel\":\"email\"}]}");
        assertEquals(400, bad.status());
        assertTrue(bad.raw().body().contains("kinds[0].kind"), bad.toString());
        bad = http.put(DEMO + "/me/notification-preferences", customer.token(),
            "{\"kinds\":[{\"kind\":\"answer.posted\",\"channel\":\"pigeon\"}]}");
        assertEquals(400, bad.status());
        assertTrue(bad.raw().body().contains("kinds[0].channel"), bad.toString());
        bad = http.put(DEMO + "/me/notification-preferences", customer.token(), "{\"language\":\"de\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.raw().body().contains("language"), bad.toString());

        Http.Response ok = http.put(DEMO + "/me/notification-preferences", customer.token(),
            "{\"language\":\"en\",\"kinds\":[{\"kind\":\"answer.posted\",\"channel\":\"app\"}]}");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("en", ok.json().get("language").asText());
        assertEquals("app", kindOf(ok.json(), "answer.posted").get("channel").asText());
        assertEquals("email", kindOf(ok.json(), "answer.posted").get("default").asText());

        // brand defaults: admins only
        assertEquals(403, http.get(DEMO + "/notifications/defaults", customer.token()).status());
        assertEquals(403, http.put(DEMO + "/notifications/defaults", customer.token(), "{\"kinds\":[]}").status());
        Http.Response defaults = http.put(DEMO + "/notifications/defaults", admin.token(),
            "{\"kinds\":[{\"kind\":\"answer.accepted\",\"channel\":\"off\"}]}");
        assertEquals(200, defaults.status(), defaults.toString());
        assertEquals("off", kindOf(http.get(DEMO + "/notifications/defaults", admin.token()).json(), "answer.accepted")
            .get("channel").asText());
        assertEquals(400, http.put(DEMO + "/notifications/defaults", admin.token(),
            "{\"kinds\":[{\"kind\":\"nope\",\"channel\":\"off\"}]}").status());

        long q = community.askId(customer, "Which primer for old paint?");
        long answer = community.answerId(lucas, q);
        JsonNode n = awaitOne(customer, "answer.posted");
        assertEquals("New answer to your question “Which primer for old paint?”", n.get("text").asText(), "the member's language");
        assertEquals(200, community.accept(customer, "demo", q, answer).status());
        drained();
        assertTrue(mail.to(customer.email()).isEmpty(), "channel app: no e-mail");
        assertEquals(0, items(lucas, "answer.accepted").size(), "the brand turned answer.accepted off by default");
    }

    static JsonNode kindOf(JsonNode prefs, String kind) {
        for (JsonNode k : prefs.get("kinds")) {
            if (kind.equals(k.get("kind").asText())) {
                return k;
            }
        }
        throw new AssertionError("no " + kind + " in " + prefs);
    }

    @Test
    void oneClickUnsubscribeNeedsAGenuineTokenOfTheBrandAndGetChangesNothing() throws Exception {
        long q = community.askId(customer, "Perceuse ou visseuse ?");
        community.answerId(lucas, q);
        awaitOne(customer, "answer.posted");
        drained();
        String header = mail.to(customer.email()).get(0).headers().get("List-Unsubscribe");
        String url = header.substring(1, header.length() - 1);
        String token = query(url, "token");
        String path = DEMO + "/notifications/unsubscribe?token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);

        Http.Response described = http.get(path, null);
        assertEquals(200, described.status(), described.toString());
        assertEquals("answer.posted", described.json().get("kind").asText());
        assertEquals("app", described.json().get("channel").asText());
        assertEquals("email", kindOf(http.get(DEMO + "/me/notification-preferences", customer.token()).json(), "answer.posted")
            .get("channel").asText(), "GET changes nothing");

        // what mail clients send (RFC 8058): a form-encoded body, no sign-in
        Http.Response done = http.send(http.builder(path, null).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertEquals(200, done.status(), done.toString());
        assertEquals("app", kindOf(http.get(DEMO + "/me/notification-preferences", customer.token()).json(), "answer.posted")
            .get("channel").asText());

        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        Http.Response refused = http.post(DEMO + "/notifications/unsubscribe?token=" + forged, null, "{}");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.raw().body().contains("token"));
        Http.Response smuggled = http.send(http.builder(DEMO + "/notifications/unsubscribe?token=" + forged, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertEquals(400, smuggled.status(), "a form field is never read as the token: " + smuggled);
        assertTrue(smuggled.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String otherMember = plugin.tokens().token(brandId + 1, customer.id(), "answer.posted");
        assertEquals(400, http.post(DEMO + "/notifications/unsubscribe?token=" + otherMember, null, "{}").status(),
            "a token of another brand");
        assertEquals(400, http.get(DEMO + "/notifications/unsubscribe", null).status(), "no token");

        // another brand's URL with a token of the demo brand
        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        assertEquals(201, http.post("/api/v1/admin/brands", root, "{\"slug\":\"acme\",\"name\":\"Acme\","
            + "\"adminEmail\":\"boss@acme.example\",\"adminPassword\":\"acme-password\",\"adminPseudonym\":\"Boss\"}").status());
        Member boss = community.login("acme", "boss@acme.example", "acme-password");
        assertEquals(200, http.put("/api/v1/brands/acme/features", boss.token(), "{\"notifications\":true}").status());
        assertEquals(400, http.post("/api/v1/brands/acme/notifications/unsubscribe?token="
            + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8), null, "{}").status());
        assertEquals(400, http.get("/api/v1/brands/acme/notifications/unsubscribe?token="
            + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8), null).status());
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"notifications\":false}").status());
        assertEquals(404, http.post(path, null, "{}").status(), "a brand without the capability");
        assertEquals(404, http.get(path, null).status());
    }

    @Test
    void aThreadsLaterNotificationsWithinTheWindowLeaveTogetherInOneEmail() {
        long q = community.askId(customer, "Comment poser du parquet flottant ?");
        community.answerId(lucas, q);
        awaitOne(customer, "answer.posted");
        drained();
        assertEquals(1, mail.to(customer.email()).size());
        clock.advance(Duration.ofMinutes(3));
        community.answerId(moderator, q);
        community.answerId(admin, q);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> items(customer, "answer.posted").size() == 3);
        drained();
        assertEquals(1, mail.to(customer.email()).size(), "within the window: no second e-mail yet");
        assertEquals(2, rows("recipient_id = ? AND email_state = 'PENDING'", customer.id()));

        clock.advance(Duration.ofMinutes(6));
        assertEquals(0, plugin.flushDue(), "the window has not ended");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(plugin.flushDue() >= 1);
        List<OutgoingMail> all = mail.to(customer.email());
        assertEquals(2, all.size(), "one grouped e-mail: " + all);
        OutgoingMail grouped = all.get(1);
        assertTrue(grouped.subject().startsWith("2 notifications sur « Comment poser du parquet flottant ? »"), grouped.subject());
        assertEquals(2, grouped.text().split("Nouvelle réponse", -1).length - 1, grouped.text());
        assertEquals(0, rows("recipient_id = ? AND email_state = 'PENDING'", customer.id()));
        assertEquals(0, plugin.flushDue(), "sent once");
    }

    Http.Response viewing(Member m, String body) {
        return http.post(DEMO + "/me/notifications/viewing", m.token(), body);
    }

    @Test
    void aMemberReadingThePageGetsNoEmailForItButTheBellStillTells() {
        long q = community.askId(customer, "Faut-il un primaire avant la peinture ?");
        assertEquals(204, viewing(customer, "{\"threadType\":\"question\",\"threadId\":" + q + "}").status());
        community.answerId(lucas, q);
        JsonNode n = awaitOne(customer, "answer.posted");
        drained();
        assertEquals(0, mail.to(customer.email()).size(), "the page was open: no e-mail");
        assertFalse(n.get("read").asBoolean(), "the notification stays in the product");
        assertEquals(1, rows("recipient_id = ? AND email_state = 'VIEWED'", customer.id()));

        // once the window has passed since the last view, the next answer is e-mailed again
        clock.advance(Duration.ofMinutes(11));
        community.answerId(moderator, q);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> items(customer, "answer.posted").size() == 2);
        drained();
        assertEquals(1, mail.to(customer.email()).size(), "not reading any more: e-mailed");
    }

    @Test
    void groupedNotificationsSeenOnThePageBeforeTheWindowEndsAreNotEmailed() {
        long q = community.askId(customer, "Quel joint pour une douche ?");
        community.answerId(lucas, q);
        awaitOne(customer, "answer.posted");
        drained();
        assertEquals(1, mail.to(customer.email()).size());
        clock.advance(Duration.ofMinutes(3));
        community.answerId(moderator, q);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> items(customer, "answer.posted").size() == 2);
        drained();
        assertEquals(1, rows("recipient_id = ? AND email_state = 'PENDING'", customer.id()));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(204, viewing(customer, "{\"threadType\":\"question\",\"threadId\":" + q + "}").status());
        clock.advance(Duration.ofMinutes(7));
        assertEquals(0, plugin.flushDue(), "what they saw on the page is not e-mailed");
        assertEquals(1, mail.to(customer.email()).size());
        assertEquals(1, rows("recipient_id = ? AND email_state = 'VIEWED'", customer.id()));
        assertEquals(0, rows("recipient_id = ? AND email_state = 'PENDING'", customer.id()));
    }

    @Test
    void viewingIsValidatedAndForSignedInMembersOfTheBrand() {
        assertEquals(401, http.post(DEMO + "/me/notifications/viewing", null, "{\"threadType\":\"question\",\"threadId\":1}")
            .status());
        Http.Response bad = viewing(customer, "{\"threadType\":\"store\",\"threadId\":1}");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.header("Content-Type").startsWith("application/problem+json"), bad.toString());
        assertEquals(400, viewing(customer, "{\"threadType\":\"complaint\",\"threadId\":0}").status());
        assertEquals(400, viewing(customer, "{\"threadType\":\"complaint\"}").status());
        assertEquals(204, viewing(customer, "{\"threadType\":\"complaint\",\"threadId\":12}").status());
    }

    static final String TEMPLATE = "{\"subject\":\"[Démo] {text}\",\"text\":\"Bonjour !\\n{text}\\nÀ lire ici : {link}\","
        + "\"html\":\"<p onclick=\\\"steal()\\\">Bonjour <strong>{title}</strong></p><script>alert(1)</script>"
        + "<p><a href=\\\"{link}\\\">Lire</a> <a href=\\\"javascript:alert(1)\\\">piège</a></p>\"}";

    @Test
    void brandAdminsOverrideAKindsEmailPerLanguageSanitizedAndPreviewed() {
        String path = DEMO + "/notifications/templates/answer.posted/fr";
        assertEquals(401, http.put(path, null, TEMPLATE).status());
        assertEquals(403, http.put(path, customer.token(), TEMPLATE).status(), "brand admins only");
        Http.Response unknown = http.put(path, admin.token(), "{\"subject\":\"{secret}\",\"text\":\"x\",\"html\":\"<p>x</p>\"}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertTrue(unknown.header("Content-Type").startsWith("application/problem+json"), unknown.toString());
        assertTrue(unknown.toString().contains("subject"), unknown.toString());
        Http.Response twoLines = http.put(path, admin.token(), "{\"subject\":\"a\\r\\nBcc: x@example.org\",\"text\":\"x\",\"html\":\"x\"}");
        assertFalse(twoLines.status() == 200 && twoLines.json().get("subject").asText().matches("(?s).*[\\r\\n].*"),
            "a subject never carries a line break (a header): " + twoLines);
        assertEquals(400, http.put(path, admin.token(), "{\"subject\":\"a\",\"text\":\" \",\"html\":\"x\"}").status());
        assertEquals(404, http.put(DEMO + "/notifications/templates/no.such/fr", admin.token(), TEMPLATE).status());
        assertEquals(404, http.put(DEMO + "/notifications/templates/answer.posted/de", admin.token(), TEMPLATE).status());

        Http.Response saved = http.put(path, admin.token(), TEMPLATE);
        assertEquals(200, saved.status(), saved.toString());
        String html = saved.json().get("html").asText();
        assertFalse(html.contains("<script") || html.contains("onclick") || html.contains("javascript:"), html);
        assertTrue(html.contains("<p>Bonjour <strong>{title}</strong></p>"), html);
        assertTrue(html.contains("<a href=\"{link}\">Lire</a> <a>piège</a>"), html);

        Http.Response preview = http.post(path + "/preview", admin.token(), TEMPLATE);
        assertEquals(200, preview.status(), preview.toString());
        assertEquals("[Démo] Nouvelle réponse à la question « Quelle perceuse pour un mur en béton ? »",
            preview.json().get("subject").asText());
        assertTrue(preview.json().get("text").asText().contains("À lire ici : " + BASE + "/b/demo/questions/1"), preview.toString());

        JsonNode listed = http.get(DEMO + "/notifications/templates", admin.token()).json();
        Map<String, JsonNode> byKey = new HashMap<>();
        listed.get("items").forEach(i -> byKey.put(i.get("kind").asText() + "/" + i.get("language").asText(), i));
        assertTrue(byKey.get("answer.posted/fr").get("overridden").asBoolean());
        assertFalse(byKey.get("answer.posted/en").get("overridden").asBoolean());
        assertEquals("{text}", byKey.get("answer.posted/en").get("subject").asText(), "the shipped default");
        assertEquals(403, http.get(DEMO + "/notifications/templates", moderator.token()).status());

        // the French member's e-mail uses it, values escaped in the HTML; the footer stays the platform's
        long q = community.askId(customer, "Quelle colle pour carrelage & faïence ?");
        community.answerId(lucas, q);
        awaitOne(customer, "answer.posted");
        drained();
        OutgoingMail m = mail.to(customer.email()).get(0);
        assertEquals("[Démo] Nouvelle réponse à votre question « Quelle colle pour carrelage & faïence ? »", m.subject());
        assertTrue(m.text().contains("À lire ici : " + BASE + "/b/demo/questions/" + q), m.text());
        assertTrue(m.html().contains("<strong>Quelle colle pour carrelage &amp; faïence ?</strong>"), m.html());
        assertTrue(m.html().contains("<a href=\"" + BASE + "/b/demo/questions/" + q + "\">Lire</a>"), m.html());
        assertTrue(m.headers().containsKey("List-Unsubscribe"));

        // English members keep the default; deleting the brand's template restores it
        assertEquals(200, http.put(DEMO + "/me/notification-preferences", customer.token(), "{\"language\":\"en\"}").status());
        community.answerId(moderator, q);
        clock.advance(Duration.ofMinutes(11));
        plugin.flushDue();
        assertEquals(204, http.send(http.builder(path, admin.token()).DELETE()).status());
        assertFalse(http.get(DEMO + "/notifications/templates", admin.token()).toString().contains("[Démo]"));
    }

    @Test
    void followersOfATopicOrTagHearOfNewQuestionsAndMutingSilences() {
        Member watcher = community.join("demo");
        Member tagWatcher = community.join("demo");
        assertEquals(200, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"topic\",\"targetKey\":\"livraison\",\"level\":\"watching\"}").status());
        assertEquals(200, http.put(DEMO + "/me/follows", tagWatcher.token(),
            "{\"targetType\":\"tag\",\"targetKey\":\"retrait\",\"level\":\"watching\"}").status());
        assertEquals(404, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"topic\",\"targetKey\":\"nulle-part\",\"level\":\"watching\"}").status());
        assertEquals(404, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"store\",\"targetKey\":\"NOWHERE\",\"level\":\"watching\"}").status());
        assertEquals(400, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"planet\",\"targetKey\":\"mars\",\"level\":\"watching\"}").status());
        assertEquals(400, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"tag\",\"targetKey\":\"Pas Un Tag\",\"level\":\"watching\"}").status());
        assertEquals(400, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"tag\",\"targetKey\":\"retrait\",\"level\":\"loud\"}").status());
        assertEquals("watching", http.get(DEMO + "/me/follows", watcher.token()).json().get("items").get(0).get("level").asText());

        Http.Response asked = community.ask(customer, "demo", "Retrait en magasin possible le dimanche ?", "Le dimanche matin ?",
            "livraison", List.of("retrait"));
        assertEquals(201, asked.status(), asked.toString());
        long q = asked.json().get("id").asLong();
        assertEquals("/b/demo/questions/" + q, awaitOne(watcher, "question.posted").get("link").asText());
        awaitOne(tagWatcher, "question.posted");
        drained();
        assertEquals(0, items(customer, "question.posted").size(), "not the author");
        assertTrue(mail.to(watcher.email()).isEmpty(), "question.posted goes to the daily digest by default");
        assertEquals(1, rows("recipient_id = ? AND email_state = 'DAILY'", watcher.id()));

        // the asker tracks their question by default; muting it silences even their own question
        assertEquals("tracking", http.get(DEMO + "/me/follows", customer.token()).json().get("items").get(0).get("level").asText());
        assertEquals(200, http.put(DEMO + "/me/follows", customer.token(),
            "{\"targetType\":\"question\",\"targetKey\":\"" + q + "\",\"level\":\"muted\"}").status());
        assertEquals(200, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"question\",\"targetKey\":\"" + q + "\",\"level\":\"watching\"}").status());
        community.answerId(lucas, q);
        awaitOne(watcher, "answer.posted");
        drained();
        assertEquals(0, items(customer, "answer.posted").size(), "muted");
        assertEquals(204, http.send(http.builder(DEMO + "/me/follows?targetType=question&targetKey=" + q, watcher.token()).DELETE())
            .status());
        assertEquals(1, http.get(DEMO + "/me/follows", watcher.token()).json().get("items").size());
    }

    @Test
    void notificationsOfTheDailyChannelLeaveInOneDigestADayLater() {
        Member watcher = community.join("demo");
        assertEquals(200, http.put(DEMO + "/me/follows", watcher.token(),
            "{\"targetType\":\"topic\",\"targetKey\":\"livraison\",\"level\":\"watching\"}").status());
        List<Long> questions = new ArrayList<>();
        for (String title : List.of("Livraison au deuxième étage ?", "Livraison le samedi <matin> ?")) {
            Http.Response r = community.ask(customer, "demo", title, "Est-ce possible ?", "livraison", List.of());
            assertEquals(201, r.status(), r.toString());
            questions.add(r.json().get("id").asLong());
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> items(watcher, "question.posted").size() == 2);
        drained();
        assertEquals(0, plugin.digestsDue(), "not a day yet");
        clock.advance(Duration.ofHours(25));
        assertTrue(plugin.digestsDue() >= 1);
        List<OutgoingMail> digests = mail.to(watcher.email());
        assertEquals(1, digests.size(), digests.toString());
        OutgoingMail d = digests.get(0);
        assertEquals("Votre résumé du jour : 2 notification(s)", d.subject());
        for (long q : questions) {
            assertTrue(d.text().contains(BASE + "/b/demo/questions/" + q), d.text());
        }
        assertTrue(d.html().contains("&lt;matin&gt;") && !d.html().contains("<matin>"), "escaped: " + d.html());
        assertEquals(0, plugin.digestsDue(), "sent once");
        assertEquals(0, rows("recipient_id = ? AND email_state = 'DAILY'", watcher.id()));
    }

    @Test
    void aQuestionReachesThousandsOfTagFollowersInChunksOncePerFollower() throws Exception {
        int followers = 3000;
        String tag = Community.unique("outillage");
        Member muted = community.join("demo");
        server.core.db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_follow (brand_id, member_id, target_type, target_key, "
                + "level, created_at) VALUES (?, ?, 'tag', ?, 'watching', CURRENT_TIMESTAMP)")) {
                for (int i = 0; i < followers; i++) {
                    ps.setLong(1, brandId);
                    ps.setLong(2, 10_000_000L + i);
                    ps.setString(3, tag);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        // a follower of the tag who muted the topic, and the author, who watches the tag too
        for (Member m : List.of(muted, customer)) {
            assertEquals(200, http.put(DEMO + "/me/follows", m.token(),
                "{\"targetType\":\"tag\",\"targetKey\":\"" + tag + "\",\"level\":\"watching\"}").status());
        }
        assertEquals(200, http.put(DEMO + "/me/follows", muted.token(),
            "{\"targetType\":\"topic\",\"targetKey\":\"livraison\",\"level\":\"muted\"}").status());
        Http.Response asked = community.ask(customer, "demo", "Quelle scie sauteuse choisir ?", "Pour du bois dur.", "livraison",
            List.of(tag));
        assertEquals(201, asked.status(), asked.toString());
        long q = asked.json().get("id").asLong();
        Callable<Long> written = () -> rows("kind = 'question.posted' AND thread_id = ?", q);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> written.call() >= followers);
        drained();
        assertEquals(followers, written.call(), "every follower once, not the author, not who muted the topic");
        long byTheJob = server.core.db.inTransaction(c -> Sql.count(c, "SELECT written FROM ntf_fanout WHERE kind = "
            + "'question.posted' AND thread_id = ? AND done_at IS NOT NULL", q));
        assertEquals(followers, byTheJob,
            "more than a chunk: the event's transaction wrote the first, the fan-out timer the rest");
        assertEquals(0, rows("recipient_id = ? AND kind = 'question.posted'", muted.id()));
        assertEquals(0, rows("recipient_id = ? AND kind = 'question.posted'", customer.id()));

        // replayed (a subscriber reset, a crash before its position was saved): nobody gets it twice
        long end = server.core.db.inTransaction(c -> Sql.count(c, "SELECT position FROM event_subscriber WHERE name = 'notifications'"));
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE event_subscriber SET position = 0 WHERE name = 'notifications'"));
        Awaitility.await("replayed").atMost(Duration.ofSeconds(60)).until(() -> server.core.db.inTransaction(c ->
            Sql.count(c, "SELECT position FROM event_subscriber WHERE name = 'notifications'")) >= end);
        assertEquals(followers, written.call(), "a replayed fan-out writes nothing");
    }

    @Test
    void aLargeFanOutGoesOnInChunksAndResumesAfterTheLastCommittedOneWritingEachFollowerOnce() throws Exception {
        // the plugin's timer would take the job over: here the test is the timer
        server.camel().getRouteController().stopRoute("notifications.fanout");
        FanOuts fanOuts = new FanOuts(100);
        NotificationStore store = new NotificationStore();
        Instant at = clock.instant();
        long first = 30_000_000L;
        long both = first + 50;       // follows the tag and the topic: once
        long muted = first + 120;     // muted the topic
        long excluded = first + 130;  // the actor
        long told = first + 140;      // already told directly
        long off = first + 210;       // turned the kind off
        long late = first + 260;      // followed after the event
        String tag = Community.unique("arrosage");
        server.core.db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_follow (brand_id, member_id, target_type, target_key, "
                + "level, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (long m = first; m <= late; m++) {
                    if (m > first + 249 && m != late) {
                        continue;
                    }
                    Object[] row = {brandId, m, "tag", tag, "watching", at.minus(Duration.ofDays(m == late ? -1 : 1))};
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i] instanceof Instant t ? t.atOffset(java.time.ZoneOffset.UTC) : row[i]);
                    }
                    ps.addBatch();
                }
                for (Object[] row : List.of(new Object[] {both, "watching"}, new Object[] {muted, "muted"})) {
                    ps.setObject(1, brandId);
                    ps.setObject(2, row[0]);
                    ps.setObject(3, "topic");
                    ps.setObject(4, "potager");
                    ps.setObject(5, row[1]);
                    ps.setObject(6, at.minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            store.setChannel(c, brandId, off, Kind.QUESTION_POSTED, Channel.OFF);
            return null;
        });
        Draft d = new Draft(brandId, Kind.QUESTION_POSTED, 777_000_001L, "question", 42, "/b/{brand}/questions/42",
            Map.of("title", "Quel tuyau d'arrosage ?"), at);
        List<Target> targets = List.of(new Target("tag", tag), new Target("topic", "potager"));
        Callable<Long> written = () -> rows("event_id = ? AND kind = 'question.posted'", d.eventId());

        int now = server.core.db.inTransaction(c -> {
            store.notifyOne(c, d, told, Channel.APP);
            return fanOuts.start(c, d, targets, List.of("watching"), Channel.APP, java.util.Set.of(excluded), at);
        });
        assertEquals(100, now, "the first chunk of the tag's followers in the event's transaction");
        // killed in the middle of the second chunk: nothing of it stays, the job has not moved
        assertThrows(IllegalStateException.class, () -> server.core.db.inTransaction(c -> {
            assertTrue(fanOuts.next(c, at).orElseThrow().written() > 0);
            throw new IllegalStateException("kill -9");
        }));
        assertEquals(101, written.call(), "the first chunk and the one told directly");
        int steps = 0;
        for (var step = server.core.db.inTransaction(c -> fanOuts.next(c, at)); step.isPresent();
             step = server.core.db.inTransaction(c -> fanOuts.next(c, at))) {
            steps++;
            assertEquals(d.eventId(), step.get().eventId());
        }
        assertEquals(3, steps, "resumed after the first chunk: two more of the tag's 250 followers, then the topic's");
        assertEquals(250 - 3, written.call(), "every follower once; not who muted, is the actor or turned the kind off");
        for (long m : List.of(muted, excluded, off, late)) {
            assertEquals(0, rows("recipient_id = ? AND event_id = ?", m, d.eventId()), "member " + m);
        }
        for (long m : List.of(first, both, told, first + 249)) {
            assertEquals(1, rows("recipient_id = ? AND event_id = ?", m, d.eventId()), "member " + m);
        }
        assertEquals(List.of(246L, 1L), server.core.db.inTransaction(c -> Sql.one(c, "SELECT written, "
            + "CASE WHEN done_at IS NULL THEN 0 ELSE 1 END FROM ntf_fanout WHERE event_id = ?", rs -> List.of(rs.getLong(1),
            rs.getLong(2)), d.eventId())).orElseThrow(), "the job's own count, done");

        // the event replayed: its fan-out was recorded, nothing more is written
        int replayed = server.core.db.inTransaction(c -> fanOuts.start(c, d, targets, List.of("watching"), Channel.APP,
            java.util.Set.of(excluded), at));
        assertEquals(0, replayed);
        assertEquals(247, written.call());
        int purged = server.core.db.inTransaction(c -> fanOuts.purge(c, at));
        assertEquals(0, purged, "kept a while after it is done");
        purged = server.core.db.inTransaction(c -> fanOuts.purge(c, at.plus(FanOuts.KEPT).plusSeconds(1)));
        assertEquals(1, purged);
    }

    @Test
    void theDigestJobWalksTheWaitingMembersInBatchesWhateverTheirNumberOfNotifications() {
        // members of 5, 1, 7 and 2 notifications waiting for their daily digest, the oldest first for each
        long[] members = {40_000_001L, 40_000_002L, 40_000_003L, 40_000_004L};
        int[] waiting = {5, 1, 7, 2};
        Instant start = clock.instant().minus(Duration.ofDays(2));
        server.core.db.inTransaction(c -> {
            long event = 900_000_000L;
            for (int m = 0; m < members.length; m++) {
                for (int i = 0; i < waiting[m]; i++) {
                    Sql.update(c, "INSERT INTO ntf_notification (brand_id, recipient_id, kind, event_id, thread_type, thread_id, "
                        + "link_path, params, created_at, email_state) VALUES (?, ?, 'answer.posted', ?, 'question', 1, '/', '{}', ?, "
                        + "'DAILY')", brandId, members[m], event++, start.plus(Duration.ofMinutes(10L * m + i)));
                }
            }
            return null;
        });
        NotificationStore store = new NotificationStore();
        for (int limit : new int[] {1, 2, 3, 10}) {
            List<Long> walked = new ArrayList<>();
            long after = 39_999_999L;
            while (true) {
                long from = after;
                List<Object[]> batch = server.core.db.inTransaction(c -> store.digestCandidates(c, Channel.DAILY, from, limit));
                if (batch.isEmpty()) {
                    break;
                }
                // a batch short of its members ends the job's run: only the last may be
                assertTrue(batch.size() == limit || walked.size() + batch.size() == members.length,
                    "a full batch of " + limit + " unless the last: " + batch.size());
                for (Object[] row : batch) {
                    long member = (Long) row[1];
                    walked.add(member);
                    int m = java.util.Arrays.binarySearch(members, member);
                    assertEquals(start.plus(Duration.ofMinutes(10L * m)), row[2], "the oldest waiting of member " + member);
                }
                after = walked.get(walked.size() - 1);
            }
            assertEquals(List.of(members[0], members[1], members[2], members[3]), walked, "batches of " + limit + ", every member once");
        }
    }

    @Test
    void onlyTheSignedInMemberOfTheBrandReadsTheirOwnNotifications() {
        long q = community.askId(customer, "Quel enduit de rebouchage ?");
        community.answerId(lucas, q);
        long id = awaitOne(customer, "answer.posted").get("id").asLong();
        for (String path : List.of("/me/notifications", "/me/notifications/count", "/me/notification-preferences", "/me/follows",
            "/notifications/defaults")) {
            assertEquals(401, http.get(DEMO + path, null).status(), path);
        }
        assertEquals(401, http.post(DEMO + "/me/notifications/" + id + "/read", null, "{}").status());
        assertEquals(401, http.post(DEMO + "/me/notifications/read-all", null, "{}").status());
        assertEquals(401, http.put(DEMO + "/me/notification-preferences", null, "{\"language\":\"en\"}").status());
        assertEquals(401, http.put(DEMO + "/me/follows", null, "{\"targetType\":\"tag\",\"targetKey\":\"x\",\"level\":\"muted\"}")
            .status());
        assertEquals(401, http.send(http.builder(DEMO + "/me/follows?targetType=tag&targetKey=x", null).DELETE()).status());
        assertEquals(401, http.put(DEMO + "/notifications/defaults", null, "{\"kinds\":[]}").status());

        assertEquals(404, http.post(DEMO + "/me/notifications/" + id + "/read", lucas.token(), "{}").status(),
            "another member's notification");
        assertEquals(404, http.post(DEMO + "/me/notifications/999999999/read", customer.token(), "{}").status());
        assertEquals(1, http.get(DEMO + "/me/notifications/count", customer.token()).json().get("unread").asInt());
        JsonNode before = page(customer, "");
        assertEquals(1, before.get("total").asInt());
        assertEquals(1, before.get("unread").asInt());
        assertEquals(204, http.post(DEMO + "/me/notifications/" + id + "/read", customer.token(), "{}").status());
        assertEquals(0, http.get(DEMO + "/me/notifications/count", customer.token()).json().get("unread").asInt());
        JsonNode unreadOnly = page(customer, "?unread=true");
        assertEquals(0, unreadOnly.get("total").asInt());
        assertEquals(0, unreadOnly.get("unread").asInt());
        JsonNode all = page(customer, "?unread=false");
        assertEquals(1, all.get("total").asInt(), "total and unread counted together");
        assertEquals(0, all.get("unread").asInt());
        assertEquals(400, http.get(DEMO + "/me/notifications?unread=maybe", customer.token()).status());
        assertEquals(400, http.get(DEMO + "/me/notifications?lang=de", customer.token()).status());
        assertEquals(400, http.get(DEMO + "/me/notifications?pgae=2", customer.token()).status(), "unknown parameter");
        assertEquals(204, http.post(DEMO + "/me/notifications/read-all", customer.token(), "{}").status());

        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        assertEquals(201, http.post("/api/v1/admin/brands", root, "{\"slug\":\"acme\",\"name\":\"Acme\","
            + "\"adminEmail\":\"boss@acme.example\",\"adminPassword\":\"acme-password\",\"adminPseudonym\":\"Boss\"}").status());
        Member boss = community.login("acme", "boss@acme.example", "acme-password");
        assertEquals(403, http.get(DEMO + "/me/notifications", boss.token()).status(), "another brand's token");
        assertEquals(403, http.get(DEMO + "/notifications/defaults", boss.token()).status());
        assertEquals(404, http.get("/api/v1/brands/acme/me/notifications", boss.token()).status(), "acme did not enable it");

        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"notifications\":false}").status());
        assertEquals(404, http.get(DEMO + "/me/notifications", customer.token()).status(), "disabled capability");
    }

    @Test
    void theListPagesByCursorBoundToItsMemberAndFilterAndReadsAnIndexRange() {
        long q = community.askId(customer, "Quelle colle pour du carrelage ?");
        community.answerId(lucas, q);
        JsonNode first = awaitOne(customer, "answer.posted");
        long customerId = http.get(DEMO + "/me", customer.token()).json().get("id").asLong();
        int total = page(customer, "?size=1").get("total").asInt() + 24;
        // 24 more of the same notification, as many events would leave them; all read but the 15 newest
        server.core.db.inTransaction(c -> {
            for (int i = 1; i <= 24; i++) {
                Sql.update(c, "INSERT INTO ntf_notification (brand_id, recipient_id, kind, event_id, thread_type, thread_id, link_path, "
                    + "params, created_at, read_at) SELECT brand_id, recipient_id, kind, event_id + ?, thread_type, thread_id, link_path, "
                    + "params, created_at, read_at FROM ntf_notification WHERE id = ?", 1_000_000 + i, first.get("id").asLong());
            }
            Sql.update(c, "UPDATE ntf_notification SET read_at = created_at WHERE recipient_id = ?", customerId);
            return Sql.update(c, "UPDATE ntf_notification SET read_at = NULL WHERE recipient_id = ? AND id IN (SELECT id FROM "
                + "ntf_notification WHERE recipient_id = ? ORDER BY id DESC LIMIT 15)", customerId, customerId);
        });

        Http.Response r = http.get(DEMO + "/me/notifications?size=10", customer.token());
        assertEquals(200, r.status(), r.toString());
        assertEquals(total, r.json().get("total").asInt(), r.toString());
        assertEquals(1, r.json().get("page").asInt(), r.toString());
        String next = r.json().get("next").asText();
        assertTrue(r.header("Link").contains("size=10&after=" + next + ">; rel=\"next\""), "the Link header carries it: " + r.header("Link"));
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        int pages = 1;
        while (!r.json().get("next").isNull()) {
            r = http.get(DEMO + "/me/notifications?size=10&after=" + r.json().get("next").asText(), customer.token());
            assertEquals(200, r.status(), r.toString());
            assertTrue(r.json().get("total").isNull() && r.json().get("page").isNull(), "nothing counted after a cursor: " + r.json());
            r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
            pages++;
        }
        assertEquals((total + 9) / 10, pages, total + " notifications by 10");
        assertEquals(total, ids.size(), "each once: " + ids);
        assertEquals(total, ids.stream().distinct().count(), "each once: " + ids);
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) < ids.get(i - 1), "newest first across pages: " + ids);
        }
        assertEquals(null, r.header("Link"), "the last page after a cursor links nothing");

        JsonNode unread = page(customer, "?unread=true&size=10");
        assertEquals(15, unread.get("total").asInt(), unread.toString());
        JsonNode rest = page(customer, "?unread=true&size=10&after=" + unread.get("next").asText());
        assertEquals(5, rest.get("items").size(), "the unread ones only: " + rest);
        rest.get("items").forEach(i -> assertFalse(i.get("read").asBoolean(), "unread only: " + rest));

        String mine = "&after=" + next;
        Problems.assertProblem(400, http.get(DEMO + "/me/notifications?unread=true&size=10" + mine, customer.token()),
            "a cursor of the whole list on the unread one");
        Problems.assertProblem(400, http.get(DEMO + "/me/notifications?size=10" + mine, lucas.token()), "another member's cursor");
        char last = next.charAt(next.length() - 2);
        String tampered = next.substring(0, next.length() - 2) + (last == 'A' ? 'B' : 'A') + next.charAt(next.length() - 1);
        Http.Response bad = http.get(DEMO + "/me/notifications?size=10&after=" + tampered, customer.token());
        Problems.assertProblem(400, bad, "a tampered cursor");
        assertTrue(bad.raw().body().contains("after"), "the problem names the parameter: " + bad);
        Problems.assertProblem(400, http.get(DEMO + "/me/notifications?page=2" + mine, customer.token()), "page and after");
        Problems.assertProblem(400, http.get(DEMO + "/me/notifications?page=501&size=20", customer.token()),
            "deeper than 10,000 by page number");

        // a page after a cursor is a range of the member's index, however many notifications they have
        for (boolean unreadOnly : List.of(false, true)) {
            String sql = NotificationStore.pageSql(unreadOnly, true).replaceFirst("\\?", String.valueOf(customerId))
                .replaceFirst("\\?", String.valueOf(brandId)).replaceFirst("\\?", "1000000").replaceFirst("\\?", "11")
                .replaceFirst("\\?", "0");
            String plan = server.core.db.inTransaction(c -> {
                if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                    // test tables are small enough for a sequential scan to win: the plan of a large table is wanted
                    Sql.update(c, "SET LOCAL enable_seqscan = off");
                }
                return String.join("\n", Sql.list(c, "EXPLAIN " + sql, rs -> rs.getString(1)));
            }).toLowerCase();
            // the unread list may read either index on a test table (most of its rows are unread); both start at the cursor
            List<String> indexes = unreadOnly ? List.of("ntf_notification_unread_ix", "ntf_notification_inbox_ix")
                : List.of("ntf_notification_inbox_ix");
            assertTrue(indexes.stream().anyMatch(plan::contains) && plan.matches("(?s).*id < (cast\\()?1000000.*"),
                "the list reads one of " + indexes + " from the cursor on: " + plan);
        }
    }

    @Test
    void aBadgeIsToldInTheProductOnlyByDefault() {
        server.core.db.inTransaction(c -> server.core.events.append(c, NewEvent.of(brandId, "badge.awarded", null, "user", lucas.id(),
            Map.of("userId", lucas.id(), "badge", "perceuse-d-or", "tier", "gold", "scope", ""))));
        JsonNode n = awaitOne(lucas, "badge.awarded");
        assertEquals("Vous avez obtenu le badge « perceuse-d-or »", n.get("text").asText());
        assertEquals("/b/demo/users/" + lucas.id(), n.get("link").asText());
        drained();
        assertTrue(mail.to(lucas.email()).isEmpty(), "badge.awarded is app by default");
    }

    @Test
    void aSuppressedAddressGetsNoEmailButTheNotificationStays() {
        mail.suppressed.add(customer.email());
        long q = community.askId(customer, "Quelle colle pour du carrelage ?");
        community.answerId(lucas, q);
        awaitOne(customer, "answer.posted");
        drained();
        assertTrue(mail.to(customer.email()).isEmpty());
        assertEquals(1, rows("recipient_id = ? AND email_state = 'NONE'", customer.id()));
    }

    // ---- broadcasts

    static final String BROADCASTS = DEMO + "/notifications/broadcasts";

    static String broadcast(String scope, String key, String title, String text) {
        return Http.json("scope", scope, "key", key, "title", title, "text", text);
    }

    void follow(Member m, String type, String key, String level) {
        assertEquals(200, http.put(DEMO + "/me/follows", m.token(), Http.json("targetType", type, "targetKey", key, "level", level))
            .status());
    }

    @Test
    void aBroadcastReachesEveryFollowerOfTheTopicOnceByTheirChannelAndLanguageNotWhoMutedIt() {
        Member watcher = community.join("demo");
        Member tracker = community.join("demo");
        Member appOnly = community.join("demo");
        Member muted = community.join("demo");
        follow(watcher, "topic", "jardin", "watching");
        follow(tracker, "topic", "jardin", "tracking");
        follow(appOnly, "topic", "jardin", "watching");
        follow(muted, "topic", "jardin", "muted");
        follow(admin, "topic", "jardin", "watching");
        follow(lucas, "topic", "bricolage", "watching");
        assertEquals(200, http.put(DEMO + "/me/notification-preferences", tracker.token(), "{\"language\":\"en\"}").status());
        assertEquals(200, http.put(DEMO + "/me/notification-preferences", appOnly.token(),
            "{\"kinds\":[{\"kind\":\"broadcast\",\"channel\":\"app\"}]}").status());

        Http.Response r = http.post(BROADCASTS, admin.token(), broadcast("topic", "jardin", "  Rappel   produit ",
            "Le taille-haie X12 est rappelé.\u202E Rapportez-le en magasin."));
        assertEquals(201, r.status(), r.toString());
        assertEquals(3, r.json().get("recipients").asInt(), "watching and tracking followers, not the muted one, not the author");
        assertEquals("Rappel produit", r.json().get("title").asText(), "cleaned by the text door");
        assertFalse(r.json().get("text").asText().contains("\u202E"), "no bidirectional override kept");
        long id = r.json().get("id").asLong();

        JsonNode seen = items(watcher, "broadcast").get(0);
        assertEquals("Rappel produit : Le taille-haie X12 est rappelé. Rapportez-le en magasin.", seen.get("text").asText());
        assertEquals("/b/demo/me/notifications", seen.get("link").asText());
        assertEquals(1, items(tracker, "broadcast").size());
        assertEquals(1, items(appOnly, "broadcast").size());
        assertEquals(0, items(muted, "broadcast").size(), "muted");
        assertEquals(0, items(admin, "broadcast").size(), "not the author");
        assertEquals(0, items(lucas, "broadcast").size(), "follows another topic");

        assertEquals(1, mail.to(watcher.email()).size(), "e-mail by the built-in default");
        assertTrue(mail.to(watcher.email()).get(0).subject().contains("Rappel produit"));
        assertEquals(1, mail.to(tracker.email()).size());
        assertTrue(mail.to(tracker.email()).get(0).subject().startsWith("Rappel produit: "), "in English");
        assertTrue(mail.to(appOnly.email()).isEmpty(), "their channel for broadcasts is the product only");
        assertTrue(mail.to(muted.email()).isEmpty());

        // the fan-out run again (a recovery) writes and sends nothing twice
        int queued = mail.queued.size();
        assertEquals(0, plugin.broadcasts().replay(id));
        assertEquals(3, rows("kind = 'broadcast' AND event_id = ?", -id));
        assertEquals(queued, mail.queued.size());

        Http.Response listed = http.get(BROADCASTS, admin.token());
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(id, listed.json().get("items").get(0).get("id").asLong());
        assertEquals(3, listed.json().get("items").get(0).get("recipients").asInt(), "recorded durably");
        assertEquals(403, http.get(BROADCASTS, manager.token()).status(), "the list is for brand admins");
        assertEquals(403, http.get(BROADCASTS, customer.token()).status());
    }

    @Test
    void aBroadcastSentAgainWithItsRequestIdAnswersTheFirstAndTellsNobodyTwice() {
        Member follower = community.join("demo");
        follow(follower, "topic", "jardin", "watching");
        String body = Http.json("scope", "topic", "key", "jardin", "title", "Rappel", "text", "Rapportez le X12.",
            "requestId", "3f2b9c1e-7d4a-4c55-9e0b-1a2b3c4d5e6f");
        long before = http.get(BROADCASTS, admin.token()).json().get("total").asLong();

        Http.Response first = http.post(BROADCASTS, admin.token(), body);
        assertEquals(201, first.status(), first.toString());
        Http.Response again = http.post(BROADCASTS, admin.token(), body);
        assertEquals(201, again.status(), "a retry gets the first answer: " + again);
        assertEquals(first.json().get("id").asLong(), again.json().get("id").asLong());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, again.json().get("recipients").asInt());
        assertEquals("3f2b9c1e-7d4a-4c55-9e0b-1a2b3c4d5e6f", again.json().get("requestId").asText());
        assertEquals(1, items(follower, "broadcast").size(), "one notification");
        assertEquals(1, mail.to(follower.email()).size(), "one e-mail");
        assertEquals(before + 1, http.get(BROADCASTS, admin.token()).json().get("total").asLong(), "one broadcast recorded");

        Http.Response other = http.post(BROADCASTS, admin.token(), Http.json("scope", "topic", "key", "jardin", "title",
            "Rappel", "text", "Un autre texte.", "requestId", "3f2b9c1e-7d4a-4c55-9e0b-1a2b3c4d5e6f"));
        assertEquals(409, other.status(), "the id of another request: " + other);
        assertTrue(other.header("Content-Type").startsWith("application/problem+json"), other.toString());

        // without an id, or with another one, the same text is a second broadcast, as asked
        Http.Response second = http.post(BROADCASTS, admin.token(), Http.json("scope", "topic", "key", "jardin", "title",
            "Rappel", "text", "Rapportez le X12.", "requestId", "second-request"));
        assertEquals(201, second.status(), second.toString());
        assertTrue(second.json().get("id").asLong() != first.json().get("id").asLong());
        assertEquals(2, items(follower, "broadcast").size());

        // an id is the author's own: a store manager using the same one makes their own broadcast
        Http.Response managers = http.post(BROADCASTS, manager.token(), Http.json("scope", "store", "key", "LYON-PARTDIEU",
            "title", "Rappel", "text", "Rapportez le X12.", "requestId", "3f2b9c1e-7d4a-4c55-9e0b-1a2b3c4d5e6f"));
        assertEquals(201, managers.status(), managers.toString());
        assertTrue(managers.json().get("id").asLong() != first.json().get("id").asLong());

        Http.Response bad = http.post(BROADCASTS, admin.token(), Http.json("scope", "topic", "key", "jardin", "title", "Rappel",
            "text", "Rapportez le X12.", "requestId", "not an id\n"));
        assertEquals(400, bad.status(), bad.toString());
        assertEquals(before + 3, http.get(BROADCASTS, admin.token()).json().get("total").asLong());
    }

    @Test
    void aStoresManagerBroadcastsToTheirOwnStoreOnlyCustomersNeverOtherBrandsNotFoundBadInputRefused() {
        Member follower = community.join("demo");
        follow(follower, "store", "LYON-PARTDIEU", "watching");
        follow(lucas, "store", "PARIS-BERCY", "watching");

        Http.Response own = http.post(BROADCASTS, manager.token(), broadcast("store", "LYON-PARTDIEU", "Fermeture exceptionnelle",
            "Le magasin ferme à 15 h samedi."));
        assertEquals(201, own.status(), own.toString());
        assertEquals(1, own.json().get("recipients").asInt());
        assertEquals(1, items(follower, "broadcast").size());

        assertEquals(403, http.post(BROADCASTS, manager.token(), broadcast("store", "PARIS-BERCY", "Fermeture", "Samedi."))
            .status(), "another store's followers");
        assertEquals(403, http.post(BROADCASTS, manager.token(), broadcast("topic", "jardin", "Promo", "Samedi.")).status(),
            "topics are for brand admins");
        assertEquals(403, http.post(BROADCASTS, customer.token(), broadcast("store", "PARIS-BERCY", "Fermeture", "Samedi."))
            .status());
        assertEquals(401, http.post(BROADCASTS, null, broadcast("store", "PARIS-BERCY", "Fermeture", "Samedi.")).status());
        assertEquals(0, items(lucas, "broadcast").size(), "nothing refused was sent");

        // another brand's topic and store are unknown here
        server.core.administration.createBrand("autre", "Autre", "admin@autre.example", DemoSeeder.PASSWORD, "Admin-Autre");
        String other = server.core.accounts.login("autre", "admin@autre.example", DemoSeeder.PASSWORD).token();
        assertEquals(201, http.post("/api/v1/brands/autre/topics", other, Http.json("slug", "cuisine", "name", "Cuisine")).status());
        assertEquals(201, http.post("/api/v1/brands/autre/stores", other, Http.json("code", "NANTES-ATLANTIS", "name", "Nantes",
            "city", "Nantes", "postalCode", "44800")).status());
        assertEquals(404, http.post(BROADCASTS, admin.token(), broadcast("topic", "cuisine", "Promo", "Samedi.")).status());
        assertEquals(404, http.post(BROADCASTS, admin.token(), broadcast("store", "NANTES-ATLANTIS", "Promo", "Samedi."))
            .status());

        for (String bad : List.of(broadcast("planet", "mars", "Promo", "Samedi."), broadcast("store", "", "Promo", "Samedi."),
            broadcast("store", "LYON-PARTDIEU", "x".repeat(121), "Samedi."), broadcast("store", "LYON-PARTDIEU", "Promo", " "),
            broadcast("store", "LYON-PARTDIEU", "Promo", "x".repeat(1001)), "{}", "[]")) {
            Http.Response r = http.post(BROADCASTS, admin.token(), bad);
            assertEquals(400, r.status(), bad + " -> " + r);
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.toString());
        }
        assertEquals(1, http.get(BROADCASTS, admin.token()).json().get("total").asInt(), "only the accepted broadcast is recorded");
    }
}
