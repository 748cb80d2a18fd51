package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/** Browsing: paged lists, topic and tag pages, through real HTTP on the real core. Subclasses pick the database. */
abstract class BrowseScenarios extends WebTestBase {
    BrowseScenarios(Db db) {
        super(db);
    }

    private String html(String path, String lang) {
        Http.Response r = http.send(http.builder(path, null).GET().header("Accept-Language", lang));
        assertEquals(200, r.status(), path + ": " + r);
        return r.raw().body();
    }

    private int status(String path) {
        return http.send(http.builder(path, null).GET()).status();
    }

    /** {@code count} questions of the topic "jardin" tagged {@code tag}, asked by three members; newest last. */
    private List<Long> askMany(int count, String tag) {
        var askers = List.of(community.join("demo"), community.join("demo"), community.join("demo"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Response r = community.ask(askers.get(i % askers.size()), "demo", "Paged question number " + i,
                "A body long enough for question " + i + ".", "jardin", List.of(tag));
            assertEquals(201, r.status(), r.toString());
            ids.add(r.json().get("id").asLong());
        }
        return ids;
    }

    @Test
    void everyQuestionListIsPagedWithNumbersAndRelLinks() {
        List<Long> ids = askMany(24, "paging");
        String first = html("/b/demo/questions?tag=paging", "en");
        assertTrue(first.contains("24 questions"), first);
        assertTrue(first.contains("<link rel=\"next\" href=\"http://localhost:8181/b/demo/questions?tag=paging&amp;page=2\">"),
            "the head links the next page, absolute: " + first);
        assertFalse(first.contains("rel=\"prev\""), "the first page has no previous one");
        assertTrue(first.contains("<a href=\"/b/demo/questions?tag=paging&amp;page=2\" rel=\"next\">Next page</a>"),
            "and a visible link to it");
        assertTrue(first.contains("<span aria-current=\"page\">1</span>"), "the current page's number is shown");
        assertTrue(first.contains("href=\"/b/demo/questions/" + ids.get(23) + "\"") && !first.contains("href=\"/b/demo/questions/" + ids.get(3) + "\""),
            "newest first, 20 on a page");
        assertTrue(first.contains("<link rel=\"canonical\" href=\"http://localhost:8181/b/demo/questions?tag=paging\">"));

        String second = html("/b/demo/questions?tag=paging&page=2", "fr");
        assertTrue(second.contains("<link rel=\"prev\" href=\"http://localhost:8181/b/demo/questions?tag=paging\">"),
            "the previous page of page 2 is the list's own address: " + second);
        assertFalse(second.contains("rel=\"next\""), "page 2 is the last");
        assertTrue(second.contains("Page précédente"), "in French");
        for (int i = 0; i < 4; i++) {
            assertTrue(second.contains("href=\"/b/demo/questions/" + ids.get(i) + "\""), "the oldest four are on page 2");
        }
        assertTrue(second.contains("<link rel=\"canonical\" href=\"http://localhost:8181/b/demo/questions?tag=paging&amp;page=2\">"));
        assertEquals(404, status("/b/demo/questions?tag=paging&page=3"), "no page after the last");
        assertEquals(200, status("/b/demo/questions?status=nonsense&sort=nonsense&topic=%3Cb%3E&page=x"),
            "filters the list does not know are ignored, not an error");

        String home = html("/b/demo", "en");
        assertTrue(home.contains("<a href=\"/b/demo/questions\">More questions</a>"), "the home's recent list leads to the paged list: " + home);
        assertTrue(home.contains("<a href=\"/b/demo/questions?status=unanswered\">More questions</a>"));
        String filtered = html("/b/demo/questions?status=unanswered&topic=jardin&sort=score", "en");
        assertTrue(filtered.contains("<h1>Unanswered questions</h1>") && filtered.contains("<option value=\"jardin\" selected>"), filtered);
        assertTrue(filtered.contains("href=\"/b/demo/questions?topic=jardin&amp;status=unanswered&amp;sort=score&amp;page=2\""),
            "paging keeps the filters");
        assertTrue(html("/b/demo?tag=paging", "en").contains("href=\"/b/demo/questions?tag=paging&amp;status=unanswered\""),
            "?tag= narrows the home's lists and their links");
    }

    @Test
    void aTopicHasItsPageWithQuestionsUnansweredAndTopContributors() {
        var asker = community.join("demo");
        var helper = community.join("demo");
        long solved = community.ask(asker, "demo", "Quand tailler les rosiers ?", "Fin de l'hiver ou automne ?", "jardin",
            List.of("rosier")).json().get("id").asLong();
        long open = community.ask(asker, "demo", "Quel engrais pour les tomates ?", "Bio de préférence.", "jardin",
            List.of("tomate", "potager")).json().get("id").asLong();
        long elsewhere = community.ask(asker, "demo", "Quelle cheville pour du placo ?", "Pour un miroir.", "bricolage",
            List.of()).json().get("id").asLong();
        long answer = community.answer(helper, "demo", solved, "En fin d'hiver, hors gel.").json().get("id").asLong();
        assertEquals(200, community.accept(asker, "demo", solved, answer).status());

        String topic = html("/b/demo/topics/jardin", "fr");
        assertTrue(topic.contains("<h1>Jardin</h1>"), topic);
        assertTrue(topic.contains("href=\"/b/demo/questions/" + solved + "\"") && topic.contains("href=\"/b/demo/questions/" + open + "\""));
        assertFalse(topic.contains("href=\"/b/demo/questions/" + elsewhere + "\""), "only the topic's questions");
        String unanswered = topic.substring(topic.indexOf("id=\"unanswered-h\""), topic.indexOf("id=\"contributors-h\""));
        assertTrue(unanswered.contains("/questions/" + open + "\"") && !unanswered.contains("/questions/" + solved + "\""),
            "its unanswered questions apart");
        String contributors = topic.substring(topic.indexOf("id=\"contributors-h\""));
        assertTrue(contributors.contains("Meilleurs contributeurs"), contributors);
        assertTrue(contributors.indexOf(helper.pseudonym()) >= 0
                && contributors.indexOf(helper.pseudonym()) < contributors.indexOf("Camille"),
            "the member with an accepted answer comes before the demo's answerer: " + contributors);
        assertTrue(contributors.contains("1 réponses, dont 1 acceptées"), contributors);
        assertTrue(topic.contains("href=\"/b/demo/ask?topic=jardin\""), "asking in the topic");

        var api = http.get("/api/v1/brands/demo/contributors?topic=jardin", null).json().get("items");
        assertEquals(helper.id(), api.get(0).get("id").asLong());
        assertEquals(1, api.get(0).get("acceptedAnswers").asInt());
        assertFalse(api.get(0).get("expert").asBoolean(), "no badges capability, no expert");
        assertEquals(400, http.get("/api/v1/brands/demo/contributors?period=all", null).status(), "an unknown parameter");

        String question = html("/b/demo/questions/" + open, "en");
        assertTrue(question.contains("<a class=\"topic\" href=\"/b/demo/topics/jardin\">Jardin</a>"), "a question links its topic: " + question);
        assertTrue(question.contains("<a class=\"tag\" href=\"/b/demo/tags/potager\" rel=\"tag\">potager</a>")
            && question.contains("href=\"/b/demo/tags/tomate\""), "and shows its tags as links");
        String home = html("/b/demo", "en");
        assertTrue(home.contains("<a href=\"/b/demo/topics/jardin\">Jardin</a>"), "the home's topics are links");
        assertTrue(home.contains("href=\"/b/demo/tags/rosier\""), "lists show each question's tags");
        assertEquals(404, status("/b/demo/topics/no-such-topic"));
    }

    @Test
    void aTagHasItsPageAndAnUnknownTagIsNone() {
        var asker = community.join("demo");
        long tagged = community.ask(asker, "demo", "Which lawnmower for a slope?", "My garden is steep.", null,
            List.of("tondeuse")).json().get("id").asLong();
        community.ask(asker, "demo", "Which hedge trimmer?", "For a long hedge.", null, List.of("taille-haie"));
        String tag = html("/b/demo/tags/tondeuse", "en");
        assertTrue(tag.contains("<h1>Tag: tondeuse</h1>"), tag);
        assertTrue(tag.contains("href=\"/b/demo/questions/" + tagged + "\"") && !tag.contains("Which hedge trimmer?"));
        assertTrue(html("/b/demo/tags/tondeuse", "fr").contains("Étiquette : tondeuse"));
        assertEquals(404, status("/b/demo/tags/nothing-tagged"), "a tag exists through its questions");
        assertEquals(404, status("/b/demo/tags/tondeuse?page=2"));
    }
}
