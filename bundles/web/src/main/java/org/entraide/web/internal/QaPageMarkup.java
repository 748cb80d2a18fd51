package org.entraide.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schema.org QAPage description of a question page, as JSON-LD. It is served in a non-executable
 * {@code application/ld+json} script block, which the CSP does not need to allow; {@code <} is escaped so a
 * title cannot close the block.
 */
final class QaPageMarkup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QaPageMarkup() {
    }

    static String of(JsonNode q, String url) {
        ObjectNode page = JSON.createObjectNode();
        page.put("@context", "https://schema.org");
        page.put("@type", "QAPage");
        ObjectNode main = page.putObject("mainEntity");
        main.put("@type", "Question");
        main.put("name", q.path("title").asText());
        main.put("text", q.path("body").asText());
        main.put("answerCount", q.path("answerCount").asInt());
        main.put("upvoteCount", q.path("score").asInt());
        main.put("dateCreated", q.path("createdAt").asText());
        main.putObject("author").put("@type", "Person").put("name", q.path("author").path("pseudonym").asText());
        ArrayNode suggested = JSON.createArrayNode();
        for (JsonNode a : q.path("answers")) {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("@type", "Answer");
            answer.put("text", a.path("body").asText());
            answer.put("upvoteCount", a.path("score").asInt());
            answer.put("dateCreated", a.path("createdAt").asText());
            answer.put("url", url + "#answer-" + a.path("id").asLong());
            answer.putObject("author").put("@type", "Person").put("name", a.path("author").path("pseudonym").asText());
            if (a.path("accepted").asBoolean()) {
                main.set("acceptedAnswer", answer);
            } else {
                suggested.add(answer);
            }
        }
        if (!suggested.isEmpty()) {
            main.set("suggestedAnswer", suggested);
        }
        return page.toString().replace("<", "\\u003c");
    }
}
