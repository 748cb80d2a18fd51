package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** The question list: {"items","total","page","size"}, newest first, filtered by topic, tag and status. */
public abstract class QuestionListScenarios extends ApiScenarios {

    @Test
    void questionListIsPaginatedAndFilteredByTopicTagAndStatus() {
        Member admin = community.demo("admin");
        String topic = Community.unique("topic");
        Http.Response created = http.post("/api/v1/brands/demo/topics", admin.token(), Http.json("slug", topic, "name", "Topic " + topic));
        assertEquals(201, created.status(), "the brand admin creates a topic: " + created);
        String tag = Community.unique("tag");
        Member asker = community.join("demo");
        Member helper = community.join("demo");
        long unanswered = id(community.ask(asker, "demo", "First listed question", "body", topic, List.of(tag)));
        long answered = id(community.ask(asker, "demo", "Second listed question", "body", topic, List.of(tag, "other")));
        long accepted = id(community.ask(asker, "demo", "Third listed question", "body", null, List.of(tag)));
        community.answerId(helper, answered);
        assertEquals(200, community.accept(asker, "demo", accepted, community.answerId(helper, accepted)).status());

        JsonNode page1 = list("?tag=" + tag + "&size=2");
        assertEquals(List.of(accepted, answered), Community.ids(page1), "newest first, two per page: " + page1);
        assertEquals(3, page1.get("total").asLong(), "total counts every match: " + page1);
        assertEquals(1, page1.get("page").asInt(), "page 1 by default: " + page1);
        assertEquals(2, page1.get("size").asInt(), "the requested size is echoed: " + page1);
        JsonNode page2 = list("?tag=" + tag + "&size=2&page=2");
        assertEquals(List.of(unanswered), Community.ids(page2), "page 2 holds the rest: " + page2);
        assertEquals(3, page2.get("total").asLong(), "the total does not depend on the page: " + page2);
        assertEquals(0, list("?tag=" + tag + "&size=2&page=3").get("items").size(), "past the end is empty");

        assertEquals(List.of(answered, unanswered), Community.ids(list("?topic=" + topic)), "filter by topic");
        assertEquals(List.of(unanswered), Community.ids(list("?tag=" + tag + "&status=unanswered")), "filter by status unanswered");
        assertEquals(List.of(accepted, answered), Community.ids(list("?tag=" + tag + "&status=answered")), "filter by status answered");
        assertEquals(List.of(accepted), Community.ids(list("?tag=" + tag + "&status=accepted")), "filter by status accepted");
        assertEquals(List.of(answered), Community.ids(list("?tag=" + tag + "&topic=" + topic + "&status=answered")), "filters combine");
        assertEquals(0, list("?topic=no-such-topic").get("total").asLong(), "an unknown topic matches nothing");

        for (String bad : List.of("?status=solved", "?size=0", "?size=101", "?page=0", "?page=abc", "?sort=random")) {
            Http.Response r = http.get("/api/v1/brands/demo/questions" + bad, null);
            assertEquals(400, r.status(), bad + " is a bad request: " + r);
            assertEquals("application/problem+json", r.header("Content-Type"), bad + " answers a problem");
            assertFalse(r.json().get("errors").isEmpty(), bad + " names the parameter: " + r);
        }
    }

    @Test
    void aQuestionCanBeAboutAStoreAndIsListedWithIt() {
        Member asker = community.join("demo");
        String tag = Community.unique("tag");
        Http.Response local = http.post("/api/v1/brands/demo/questions", asker.token(), Http.json("title", "Parking du magasin ?",
            "body", "Le parking est-il gratuit ?", "storeCode", "LYON-PARTDIEU", "tags", List.of(tag)));
        assertEquals(201, local.status(), local.toString());
        assertEquals("LYON-PARTDIEU", local.json().get("store").get("code").asText(), "the view names the store: " + local);
        long localId = id(local);
        long general = id(community.ask(asker, "demo", "Une question générale", "body", null, List.of(tag)));
        assertEquals(List.of(localId), Community.ids(list("?tag=" + tag + "&store=LYON-PARTDIEU")), "filter by store");
        JsonNode all = list("?tag=" + tag);
        assertEquals(List.of(general, localId), Community.ids(all));
        assertEquals("LYON-PARTDIEU", all.get("items").get(1).get("store").get("code").asText(), "summaries name it too");
        assertEquals(true, all.get("items").get(0).get("store").isNull(), "and null without one");
        long answer = community.answerId(community.join("demo"), localId);
        assertEquals(1L, (long) server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.count(c,
            "SELECT COUNT(*) FROM post a JOIN post q ON q.id = a.parent_id WHERE a.id = ? AND a.store_id = q.store_id", answer)),
            "an answer is about its question's store");

        Http.Response unknown = http.post("/api/v1/brands/demo/questions", asker.token(), Http.json("title", "Quel magasin ?",
            "body", "body", "storeCode", "NOWHERE"));
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("storeCode", unknown.json().get("errors").get(0).get("field").asText());
    }

    private JsonNode list(String query) {
        Http.Response r = http.get("/api/v1/brands/demo/questions" + query, null);
        assertEquals(200, r.status(), "listing " + query + " answers 200: " + r);
        return r.json();
    }

    static long id(Http.Response created) {
        assertEquals(201, created.status(), "created: " + created);
        return created.json().get("id").asLong();
    }
}
