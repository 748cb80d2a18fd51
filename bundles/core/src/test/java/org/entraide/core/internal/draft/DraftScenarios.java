package org.entraide.core.internal.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/** Drafts through real HTTP: kept per member and form, private, bounded, forgotten after 30 days. */
public abstract class DraftScenarios extends ApiScenarios {
    private static final String DRAFTS = "/api/v1/brands/demo/me/drafts";

    private Http.Response save(Member m, String key, String title, String body, Map<String, String> fields) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("title", title);
        json.put("body", body);
        json.put("fields", fields);
        try {
            return http.put(DRAFTS + "/" + key, m.token(), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDraftIsKeptPerFormUpdatedInPlaceAndDroppedOnRequest() {
        Member m = community.join("demo");
        assertEquals(200, save(m, "question", "Drill chuck stuck", "It started when", Map.of("topic", "tools", "tags", "drill"))
            .status());
        assertEquals(200, save(m, "answer-42", null, "Try turning it\nthe other way", Map.of()).status());
        Http.Response again = save(m, "question", "Drill chuck stuck", "It started when I dropped it", Map.of("topic", "tools"));
        assertEquals(200, again.status());
        JsonNode one = http.get(DRAFTS + "/question", m.token()).json();
        assertEquals("It started when I dropped it", one.get("body").asText(), "replaced, not added: " + one);
        assertEquals("tools", one.at("/fields/topic").asText());
        assertTrue(one.at("/fields/tags").isMissingNode(), "the form's fields as last sent: " + one);
        assertEquals("Try turning it\nthe other way", http.get(DRAFTS + "/answer-42", m.token()).json().get("body").asText(),
            "line breaks kept");
        JsonNode list = http.get(DRAFTS, m.token()).json().get("items");
        assertEquals(2, list.size(), "two drafts: " + list);
        assertEquals("question", list.get(0).get("key").asText(), "latest first");
        assertEquals(204, http.delete(DRAFTS + "/question", m.token()).status());
        Problems.assertProblem(404, http.get(DRAFTS + "/question", m.token()), "dropped");
        assertEquals(1, http.get(DRAFTS, m.token()).json().get("items").size());
    }

    @Test
    void draftsArePrivateToTheirAuthorAndTheirBrand() {
        Member author = community.join("demo");
        Member other = community.join("demo");
        save(author, "complaint", "Late delivery", "My order is two weeks late", Map.of("storeCode", "LYON-PARTDIEU"));
        Problems.assertProblem(404, http.get(DRAFTS + "/complaint", other.token()), "another member's draft");
        assertEquals(0, http.get(DRAFTS, other.token()).json().get("items").size());
        Problems.assertProblem(401, http.get(DRAFTS, null), "anonymous");
        String brand = Community.unique("other");
        server.core.administration.createBrand(brand, "Other", "admin@" + brand + ".example", "other-admin-password", "Boss-" + brand);
        Problems.assertProblem(403, http.get("/api/v1/brands/" + brand + "/me/drafts", author.token()), "another brand");
        assertEquals(200, http.get(DRAFTS + "/complaint", author.token()).status(), "its author still has it");
    }

    @Test
    void badDraftsAreRefusedAndChangeNothing() {
        Member m = community.join("demo");
        save(m, "question", "Kept", "kept body", Map.of());
        Problems.assertProblem(404, save(m, "Not_A_Key", "t", "b", Map.of()), "a malformed key");
        Problems.assertProblem(400, save(m, "question", "x".repeat(201), "b", Map.of()), "a title too long");
        Problems.assertProblem(400, save(m, "question", "t", "b", Map.of("bad name", "v")), "a field name");
        Problems.assertProblem(400, save(m, "question", "t", "b", Map.of("topic", "v".repeat(301))), "a field too long");
        assertEquals("kept body", http.get(DRAFTS + "/question", m.token()).json().get("body").asText(), "unchanged");
        for (int i = 1; i < Drafts.MAX_PER_MEMBER; i++) {
            assertEquals(200, save(m, "answer-" + i, null, "draft " + i, Map.of()).status());
        }
        Problems.assertProblem(409, save(m, "answer-999", null, "one too many", Map.of()), "over the limit");
        assertEquals(200, save(m, "answer-1", null, "an existing one still changes", Map.of()).status());
    }

    @Test
    void draftsLeftAloneForThirtyDaysAreForgotten() {
        Member m = community.join("demo");
        save(m, "question", "Old", "old body", Map.of());
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post_draft SET updated_at = ? WHERE user_id = ?",
            java.time.Instant.now().minus(Drafts.KEPT_FOR).minusSeconds(60), m.id()));
        Problems.assertProblem(404, http.get(DRAFTS + "/question", m.token()), "too old to be offered");
        assertEquals(0, http.get(DRAFTS, m.token()).json().get("items").size());
        save(m, "answer-1", null, "new", Map.of());
        assertEquals(1L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post_draft WHERE user_id = ?",
            m.id())), "the old one removed on the next save");
    }
}
