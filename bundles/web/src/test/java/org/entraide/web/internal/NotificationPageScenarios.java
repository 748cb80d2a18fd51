package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bell, the notifications page, preferences, following and the unsubscribe page, with the real plugin. */
abstract class NotificationPageScenarios extends WebTestBase {
    private static final Pattern TOKEN = Pattern.compile("unsubscribe\\?token=([^>\"\\s]+)");
    private Community.Member asker;
    private Browser browser;

    NotificationPageScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void plugin() throws Exception {
        Plugins.notifications(server);
        String admin = community.demo("admin").token();
        Http.Response on = http.put("/api/v1/brands/demo/features", admin, "{\"notifications\":true}");
        assertEquals(200, on.status(), on.toString());
        asker = community.join("demo");
        browser = new Browser(server.base());
        HttpResponse<String> r = browser.submit("/b/demo/login", "/b/demo/login",
            Map.of("email", asker.email(), "password", "long-enough-password"));
        assertEquals(303, r.statusCode(), r.body());
    }

    /** A question of the asker's, answered by someone else; returns the question's id once the asker was told. */
    private long answeredQuestion(String title) {
        long question = community.askId(asker, title);
        community.answerId(community.join("demo"), question);
        Awaitility.await("the asker is told").atMost(Duration.ofSeconds(20)).until(() -> unread() >= 1);
        return question;
    }

    private long unread() {
        return http.get("/api/v1/brands/demo/me/notifications/count", asker.token()).json().path("unread").asLong();
    }

    @Test
    void theBellCountsWhatIsNewAndOpeningANotificationReadsIt() {
        assertFalse(browser.get("/b/demo").body().contains("data-unread="), "nothing new yet");
        long question = answeredQuestion("Which primer for a damp wall");
        String home = browser.get("/b/demo").body();
        assertTrue(home.contains("class=\"bell\"") && home.contains("data-unread=\"1\""), home);

        String page = browser.get("/b/demo/me/notifications").body();
        assertTrue(page.contains("Which primer for a damp wall"), page);
        Matcher link = Pattern.compile("href=\"/b/demo/me/notifications/([0-9]+)\"").matcher(page);
        assertTrue(link.find(), page);
        HttpResponse<String> opened = browser.get("/b/demo/me/notifications/" + link.group(1));
        assertEquals(303, opened.statusCode());
        assertEquals("/b/demo/questions/" + question, opened.headers().firstValue("Location").orElse("").replaceAll("[?#].*", ""));
        assertEquals(0, unread(), "opened means read");
        assertFalse(browser.get("/b/demo").body().contains("data-unread="));

        answeredQuestion("Which roller for a ceiling");
        HttpResponse<String> all = browser.post("/b/demo/me/notifications/read-all", Map.of());
        assertEquals(303, all.statusCode(), all.body());
        assertEquals(0, unread());

        Browser stranger = new Browser(server.base());
        assertEquals(303, stranger.get("/b/demo/me/notifications").statusCode(), "visitors are sent to sign in");
        assertEquals(404, browser.get("/b/demo/me/notifications/999999").statusCode(), "not one of mine");
    }

    @Test
    void olderNotificationsAreReachedByTheCursorOfEachPage() {
        long question = answeredQuestion("Which sealant for a shower");
        long memberId = http.get("/api/v1/brands/demo/me", asker.token()).json().get("id").asLong();
        // 44 more of the same notification, as many events would leave them: 45 in all, three pages of 20
        server.core.db.inTransaction(c -> {
            long id = Sql.count(c, "SELECT MAX(id) FROM ntf_notification WHERE recipient_id = ?", memberId);
            for (int i = 1; i <= 44; i++) {
                Sql.update(c, "INSERT INTO ntf_notification (brand_id, recipient_id, kind, event_id, thread_type, thread_id, link_path, "
                    + "params, created_at) SELECT brand_id, recipient_id, kind, event_id + ?, thread_type, thread_id, link_path, "
                    + "params, created_at FROM ntf_notification WHERE id = ?", 1_000_000 + i, id);
            }
            return null;
        });
        long total = http.get("/api/v1/brands/demo/me/notifications?size=1", asker.token()).json().get("total").asLong();
        assertEquals(45, total, "the copies and the original");

        java.util.Set<String> seen = new java.util.HashSet<>();
        String page = browser.get("/b/demo/me/notifications?lang=fr").body();
        int pages = 1;
        Pattern older = Pattern.compile("<a rel=\"next\" href=\"(/b/demo/me/notifications\\?after=[^\"]+)\">Notifications plus anciennes</a>");
        Pattern item = Pattern.compile("href=\"(/b/demo/me/notifications/([0-9]+)[^\"]*)\"");
        String deepest = null;
        for (Matcher m = older.matcher(page); ; m = older.matcher(page)) {
            Matcher items = item.matcher(page);
            while (items.find()) {
                assertTrue(seen.add(items.group(2)), "each notification on one page only: " + items.group(2));
                deepest = items.group(1).replace("&amp;", "&");
            }
            if (!m.find()) {
                break;
            }
            HttpResponse<String> next = browser.get(m.group(1).replace("&amp;", "&") + "&lang=fr");
            assertEquals(200, next.statusCode(), next.body());
            page = next.body();
            assertTrue(page.contains(">Notifications les plus récentes</a>"), "a way back to the newest: " + page);
            pages++;
        }
        assertEquals(3, pages, "45 notifications by 20");
        assertEquals(45, seen.size(), "every notification reached: " + seen.size());
        assertTrue(deepest.contains("?after="), "a notification of a page after a cursor links with it: " + deepest);
        HttpResponse<String> opened = browser.get(deepest);
        assertEquals(303, opened.statusCode(), opened.body());
        assertEquals("/b/demo/questions/" + question, opened.headers().firstValue("Location").orElse("").replaceAll("[?#].*", ""),
            "the oldest notification, opened from its page, leads to what it is about");

        String first = browser.get("/b/demo/me/notifications").body();
        Matcher m = Pattern.compile("after=([^\"&]+)").matcher(first);
        assertTrue(m.find(), first);
        String cursor = m.group(1);
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.charAt(cursor.length() - 2) == 'A' ? 'B' : 'A')
            + cursor.charAt(cursor.length() - 1);
        HttpResponse<String> bad = browser.get("/b/demo/me/notifications?after=" + tampered);
        assertEquals(400, bad.statusCode(), "an altered cursor: " + bad.body());
        assertTrue(bad.body().contains("Start again from the newest ones."), bad.body());
        assertEquals(400, browser.get("/b/demo/me/notifications?unread=1&after=" + cursor).statusCode(),
            "the whole list's cursor on the unread one");
    }

    @Test
    void preferencesAndFollowingAreSavedFromThePages() {
        String form = browser.get("/b/demo/me/notifications/preferences").body();
        assertTrue(form.contains("name=\"kind.answer.posted\"") && form.contains("New answers to my questions"), form);
        HttpResponse<String> saved = browser.post("/b/demo/me/notifications/preferences",
            Map.of("language", "en", "kind.answer.posted", "app"));
        assertEquals(303, saved.statusCode(), saved.body());
        JsonNode prefs = http.get("/api/v1/brands/demo/me/notification-preferences", asker.token()).json();
        assertEquals("en", prefs.path("language").asText());
        assertEquals("app", channel(prefs, "answer.posted"));
        assertEquals(400, browser.post("/b/demo/me/notifications/preferences", Map.of("kind.answer.posted", "carrier-pigeon"))
            .statusCode(), "an unknown channel is refused");
        assertEquals("app", channel(http.get("/api/v1/brands/demo/me/notification-preferences", asker.token()).json(),
            "answer.posted"), "and changes nothing");

        long question = community.askId(asker, "Which sander for oak floors");
        assertTrue(browser.get("/b/demo/questions/" + question).body().contains("name=\"level\""));
        assertEquals(303, browser.post("/b/demo/questions/" + question + "/follow", Map.of("level", "muted")).statusCode());
        String follows = http.get("/api/v1/brands/demo/me/follows", asker.token()).raw().body();
        assertTrue(follows.contains("\"targetKey\":\"" + question + "\"") && follows.contains("\"level\":\"muted\""), follows);
    }

    @Test
    void theUnsubscribeLinkOfAnEmailTurnsThatKindOffAfterConfirmation() {
        answeredQuestion("Which filler for cracks");
        String headers = Awaitility.await("the e-mail is queued").atMost(Duration.ofSeconds(20)).until(() ->
            server.core.db.inTransaction(c -> Sql.one(c, "SELECT headers FROM mail_outbox WHERE mail_key LIKE 'ntf-%' ORDER BY id",
                rs -> rs.getString(1)).orElse("")), h -> TOKEN.matcher(h).find());
        Matcher m = TOKEN.matcher(headers);
        assertTrue(m.find());
        String token = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);

        Browser fromMail = new Browser(server.base());
        String confirm = fromMail.get("/b/demo/unsubscribe?token=" + Site.urlEncode(token)).body();
        assertTrue(confirm.contains("New answers to my questions") && confirm.contains("name=\"token\""), confirm);
        assertEquals("email", channel(http.get("/api/v1/brands/demo/me/notification-preferences", asker.token()).json(),
            "answer.posted"), "opening the link changes nothing");
        HttpResponse<String> done = fromMail.post("/b/demo/unsubscribe", Map.of("token", token));
        assertEquals(200, done.statusCode(), done.body());
        assertEquals("app", channel(http.get("/api/v1/brands/demo/me/notification-preferences", asker.token()).json(),
            "answer.posted"));
        assertEquals(400, new Browser(server.base()).get("/b/demo/unsubscribe?token=forged." + token).statusCode());
    }

    @Test
    void brandAdminsReadWhatWasEmailedWithoutSeeingToWhom() {
        answeredQuestion("Which brush for varnish");
        Awaitility.await("the e-mail is queued").atMost(Duration.ofSeconds(20)).until(() -> server.core.db.inTransaction(c ->
            Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE mail_key LIKE 'ntf-%'")) >= 1);
        Browser admin = new Browser(server.base());
        assertEquals(303, admin.submit("/b/demo/login", "/b/demo/login", Map.of("email", "admin@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        String list = admin.get("/b/demo/admin/mail").body();
        assertTrue(list.contains("Which brush for varnish"), list);
        assertFalse(list.contains(asker.email()), "never the recipient");
        Matcher one = Pattern.compile("href=\"/b/demo/admin/mail/([0-9]+)\"").matcher(list);
        assertTrue(one.find(), list);
        String message = admin.get("/b/demo/admin/mail/" + one.group(1)).body();
        assertTrue(message.contains("/b/demo/questions/") && message.contains("List-Unsubscribe"), message);
        assertFalse(message.contains(asker.email()), "never the recipient");
        assertEquals(403, browser.get("/b/demo/admin/mail").statusCode(), "members do not read the outbox");
    }

    @Test
    void brandAdminsBroadcastFromTheirConsoleOnceEvenWhenTheFormIsSentTwice() {
        assertEquals(200, http.put("/api/v1/brands/demo/me/follows", asker.token(), Http.json("targetType", "topic",
            "targetKey", "jardin", "level", "watching")).status());
        Browser admin = new Browser(server.base());
        assertEquals(303, admin.submit("/b/demo/login", "/b/demo/login", Map.of("email", "admin@demo.example",
            "password", org.entraide.core.internal.demo.DemoSeeder.PASSWORD)).statusCode());
        assertTrue(admin.get("/b/demo/admin").body().contains("href=\"/b/demo/admin/broadcasts\""), "linked from the console");
        String page = admin.get("/b/demo/admin/broadcasts").body();
        assertTrue(page.contains("Past broadcasts") && page.contains("No broadcast yet.") && page.contains("value=\"jardin\"")
            && page.contains("value=\"LYON-PARTDIEU\""), page);
        assertTrue(admin.get("/b/demo/admin/broadcasts?lang=fr").body().contains("Annonces pass\u00e9es"), "in French too");
        Matcher id = Pattern.compile("name=\"requestId\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertTrue(id.find(), page);
        Map<String, String> form = Map.of("requestId", id.group(1), "scope", "topic", "topicKey", "jardin",
            "storeKey", "LYON-PARTDIEU", "title", "Rappel du taille-haie X12", "text", "Rapportez-le en magasin.");

        HttpResponse<String> sent = admin.post("/b/demo/admin/broadcasts", form);
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/b/demo/admin/broadcasts?done=1&recipients=1"), location);
        assertEquals(303, admin.post("/b/demo/admin/broadcasts", form).statusCode(), "the same form again");
        String after = admin.get("/b/demo/admin/broadcasts?done=1&recipients=1").body();
        assertTrue(after.contains("The broadcast is sent to 1 followers.") && after.contains("Rappel du taille-haie X12"), after);
        JsonNode listed = http.get("/api/v1/brands/demo/notifications/broadcasts", community.demo("admin").token()).json();
        assertEquals(1, listed.path("total").asInt(), "one broadcast for the form sent twice");
        Awaitility.await("the follower is told once").atMost(Duration.ofSeconds(20)).until(() -> unread() >= 1);
        assertEquals(1, unread());

        HttpResponse<String> empty = admin.post("/b/demo/admin/broadcasts", Map.of("requestId", "another-form", "scope", "store",
            "storeKey", "LYON-PARTDIEU", "title", "", "text", "Fermeture samedi."));
        assertEquals(422, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("id=\"e-title\"") && empty.body().contains("Fermeture samedi."), "says what is wrong, "
            + "keeps what was typed: " + empty.body());
        assertEquals(403, browser.get("/b/demo/admin/broadcasts").statusCode(), "members do not broadcast");
        assertEquals(403, browser.post("/b/demo/admin/broadcasts", form).statusCode());
        assertEquals(1, http.get("/api/v1/brands/demo/notifications/broadcasts", community.demo("admin").token()).json()
            .path("total").asInt());
    }

    private static String channel(JsonNode prefs, String kind) {
        for (JsonNode k : prefs.path("kinds")) {
            if (kind.equals(k.path("kind").asText())) {
                return k.path("channel").asText();
            }
        }
        return null;
    }
}
