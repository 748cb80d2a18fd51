package org.entraide.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.PersonalDataScan;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * Privacy: a member's export (made in the background, theirs only, for 48 hours), the closing of an account (with the
 * current password; nothing left of the person in any table, posts kept or removed as the brand says, the ledger of
 * votes others received unchanged), a brand's terms accepted at registration, retention.
 */
public abstract class PrivacyScenarios extends ApiScenarios {
    private static final String PASSWORD = "long-enough-password";
    private static final String ME = "/api/v1/brands/demo/me";

    private Http.Response close(Member m, String password) {
        return http.send(http.builder(ME, m.token()).header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(Http.json("currentPassword", password))));
    }

    private long ready(Member m) {
        Http.Response asked = http.post(ME + "/export", m.token(), "");
        assertEquals(202, asked.status(), "export asked: " + asked);
        assertEquals("PENDING", asked.json().get("state").asText());
        long id = asked.json().get("id").asLong();
        server.core.exports.runDue(10);
        // the export timer may hold the row (SKIP LOCKED skipped it): waiting for its lock waits for the timer's commit
        String state = server.core.db.inTransaction(c -> Sql.one(c, "SELECT state FROM privacy_export WHERE id = ? FOR UPDATE",
            rs -> rs.getString(1), id)).orElseThrow();
        if ("PENDING".equals(state)) {
            server.core.exports.runDue(10);
        }
        return id;
    }

    @Test
    void anExportHoldsTheMembersDataForTheirEyesOnlyFor48Hours() {
        Member m = community.join("demo");
        long question = community.askId(m, "Which drill for concrete walls?", "drills");
        Member other = community.join("demo");
        long answer = community.answerId(other, question);
        assertEquals(200, community.vote(m, "demo", answer, 1).status());
        long id = ready(m);

        JsonNode list = http.get(ME + "/exports", m.token()).json().get("items");
        assertEquals("READY", list.get(0).get("state").asText(), "ready: " + list);
        String link = list.get(0).get("download").asText();
        Http.Response archive = http.get(link, m.token());
        assertEquals(200, archive.status(), "downloaded: " + archive);
        JsonNode core = archive.json().get("core");
        assertEquals(m.email(), core.at("/profile/email").asText());
        assertEquals("Which drill for concrete walls?", core.at("/posts/0/title").asText());
        assertEquals(answer, core.at("/votes/0/postId").asLong());
        assertTrue(core.get("sessions").size() >= 1, "sessions: " + core);
        assertTrue(server.mailbox().last(m.email(), "privacy-export-").isPresent(), "the owner is told by e-mail");

        Problems.assertProblem(404, http.get(link, other.token()), "another member's export");
        assertEquals(401, http.get(link, null).status(), "nobody signed out");

        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE privacy_export SET expires_at = ready_at WHERE id = ?", id));
        Problems.assertProblem(410, http.get(link, m.token()), "an expired export");
        server.core.exports.expire();
        assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM privacy_export WHERE id = ? AND archive IS NOT NULL", id)), "its archive is dropped");
        assertEquals("EXPIRED", http.get(ME + "/exports", m.token()).json().at("/items/0/state").asText());
    }

    @Test
    void oneExportAtATime() {
        Member m = community.join("demo");
        assertEquals(202, http.post(ME + "/export", m.token(), "").status());
        Problems.assertProblem(409, http.post(ME + "/export", m.token(), ""), "a second one while the first is pending");
    }

    @Test
    void aWrongPasswordClosesNothing() {
        Member m = community.join("demo");
        Http.Response refused = close(m, "not-the-password");
        Problems.assertProblem(400, refused, "a wrong password");
        assertEquals("currentPassword", refused.json().at("/errors/0/field").asText());
        Http.Response me = http.get(ME, m.token());
        assertEquals(200, me.status(), "still signed in");
        assertEquals(m.email(), me.json().get("email").asText(), "nothing erased");
    }

    @Test
    void aClosedAccountLeavesNoTraceOfThePersonAndOthersKeepTheirVotes() {
        Member m = community.join("demo");
        Member other = community.join("demo");
        long question = community.askId(m, "A question that stays after its author left");
        long answer = community.answerId(other, question);
        assertEquals(200, community.vote(m, "demo", answer, 1).status());
        long complaint = community.complaintId(m, "LYON-PARTDIEU", true);
        // an address change left pending: the new address must go too
        String pending = Community.unique("pending") + "@demo.example";
        assertEquals(200, http.patch(ME, m.token(), Http.json("email", pending, "currentPassword", PASSWORD)).status());
        // an avatar, a draft and a comment naming the member by their pseudonym
        assertEquals(204, http.send(http.builder(ME + "/avatar", m.token()).header("Content-Type", "image/png")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(org.entraide.core.internal.avatar.AvatarImages.identicon("x")))).status());
        assertEquals(200, http.put(ME + "/drafts/question", m.token(), Http.json("title", "Unsent", "body",
            "Signed " + m.pseudonym())).status());
        assertEquals(201, http.post("/api/v1/brands/demo/posts/" + answer + "/comments", other.token(),
            Http.json("body", "Thanks @" + m.pseudonym())).status());
        ready(m);

        assertEquals(204, close(m, PASSWORD).status(), "closed");
        assertEquals(401, http.get(ME, m.token()).status(), "its sessions are gone");
        assertEquals(401, http.post("/api/v1/auth/login", null, Http.json("brand", "demo", "email", m.email(), "password",
            PASSWORD)).status(), "it cannot sign in");

        for (String table : List.of("user_avatar", "post_draft")) {
            assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table
                + " WHERE user_id = ?", m.id())), table + " emptied");
        }
        assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM comment_mention "
            + "WHERE member_id = ?", m.id())), "no record that a comment named the member");
        assertTrue(http.get("/api/v1/brands/demo/posts/" + answer + "/comments", other.token()).raw().body()
            .contains("Thanks @" + CorePersonalData.formerMember(m.id())), "the other member's comment names the former member");
        for (String gone : List.of(m.email(), pending, m.pseudonym())) {
            PersonalDataScan.Found found = PersonalDataScan.find(dataSource, gone);
            assertTrue(found.tables() > 20, "every table read: " + found.tables());
            assertEquals(List.of(), found.places(), gone + " left nowhere");
        }
        Http.Response q = community.question(other, "demo", question);
        assertEquals(200, q.status(), "the question stays: " + q);
        assertTrue(q.raw().body().contains(CorePersonalData.formerMember(m.id())), "under a former member: " + q);
        assertEquals(1L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM vote WHERE post_id = ? "
            + "AND vote_value = 1", answer)), "the vote the other member received stays");
        assertEquals(1L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post WHERE id = ? "
            + "AND author_id = ?", complaint, m.id())), "the complaint stays, its author now nobody");
        assertEquals(1L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM domain_event "
            + "WHERE event_type = 'user.erased' AND subject_id = ?", m.id())), "one user.erased event");
        assertTrue(server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM privacy_audit WHERE action = 'erasure'"))
            >= 1, "an audit line");

        Problems.assertProblem(401, close(m, PASSWORD), "closing again: the session is gone");
    }

    @Test
    void aBrandThatRemovesPostsRemovesThem() {
        String brand = Community.unique("rm");
        server.core.administration.createBrand(brand, "Removing", "admin@" + brand + ".example", "brand-admin-password", "Boss-" + brand);
        Member admin = community.login(brand, "admin@" + brand + ".example", "brand-admin-password");
        Http.Response set = http.put("/api/v1/brands/" + brand + "/privacy-policy", admin.token(), Http.json(
            "noticeUrl", "https://" + brand + ".example/privacy", "noticeVersion", "2026-01", "termsUrl",
            "https://" + brand + ".example/terms", "termsVersion", "3", "erasedPosts", "REMOVE", "threadDays", 365, "logDays", 30));
        assertEquals(200, set.status(), "policy set: " + set);
        assertEquals("3", http.get("/api/v1/brands/" + brand + "/privacy-policy", null).json().get("termsVersion").asText());

        String email = Community.unique("t") + "@" + brand + ".example";
        Http.Response without = http.post("/api/v1/auth/register", null, Http.json("brand", brand, "email", email, "password",
            PASSWORD, "pseudonym", Community.unique("T")));
        Problems.assertProblem(400, without, "registration without the terms");
        assertEquals("acceptedTermsVersion", without.json().at("/errors/0/field").asText());
        assertEquals(202, http.post("/api/v1/auth/register", null, Http.json("brand", brand, "email", email, "password",
            PASSWORD, "pseudonym", Community.unique("T"), "acceptedTermsVersion", "3")).status());
        community.verify(server, brand, email);
        Member m = community.login(brand, email, PASSWORD);
        assertEquals(1L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM privacy_consent "
            + "WHERE user_id = ? AND document = 'terms' AND doc_version = '3'", m.id())), "the consent is recorded");
        Http.Response asked = community.ask(m, brand, "A question that goes with its author", "Will it stay?", null, List.of());
        long question = asked.json().get("id").asLong();

        Problems.assertProblem(403, http.put("/api/v1/brands/" + brand + "/privacy-policy", m.token(), Http.json(
            "erasedPosts", "KEEP", "threadDays", 1, "logDays", 1)), "a member setting the policy");
        assertEquals(204, http.send(http.builder("/api/v1/brands/" + brand + "/me", m.token())
            .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(
                Http.json("currentPassword", PASSWORD)))).status());
        assertNotNull(server.core.db.inTransaction(c -> Sql.one(c, "SELECT deleted_at FROM post WHERE id = ?",
            rs -> Sql.instant(rs, "deleted_at"), question)).orElse(null), "the question is removed");
        assertEquals(List.of(), PersonalDataScan.find(dataSource, email).places(), "the address left nowhere");
    }

    @Test
    void retentionDeletesOldLogsOnceAndAgainNothing() {
        Member m = community.join("demo");
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE mail_outbox SET status = 'SENT', created_at = ? "
            + "WHERE LOWER(to_address) = ?", java.time.Instant.now().minus(java.time.Duration.ofDays(400)), m.email()));
        assertTrue(server.core.retention.run() >= 1, "old e-mails go");
        assertFalse(server.mailbox().last(m.email(), "account-verify-").isPresent(), "the verification e-mail went");
        assertEquals(0, server.core.retention.run(), "a second pass deletes nothing more");
    }
}
