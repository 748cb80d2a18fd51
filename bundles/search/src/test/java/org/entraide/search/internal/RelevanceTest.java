package org.entraide.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.PostType;
import org.entraide.api.platform.PublicPost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relevance on a fixed corpus (src/test/resources/relevance): French and English questions of a DIY retailer's
 * community, and queries as members type them (plurals, missing accents, typos, the other language's stop words),
 * each with the question it should find. At least 90 % must have it among the first three.
 */
class RelevanceTest {
    @TempDir
    static Path folder;
    static SearchIndex index;
    static final Map<String, Long> KEYS = new LinkedHashMap<>();

    @BeforeAll
    static void index() throws IOException {
        index = new SearchIndex(folder, Duration.ofSeconds(1), Duration.ofSeconds(30));
        long id = 100;
        for (String[] row : rows("corpus.tsv")) {
            id++;
            KEYS.put(row[0], id);
            index.upsert(id, SearchDocuments.of(new PublicPost(id, 1, PostType.QUESTION, null, row[1], row[2], null, null,
                Arrays.asList(row[3].split(",")), false, 0, false, null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id)),
                null));
        }
        index.refresh();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void atLeastNinetyPercentOfTheQueriesFindTheirQuestionInTheFirstThree() throws IOException {
        List<String[]> queries = rows("queries.tsv");
        assertTrue(queries.size() >= 50, "at least 50 queries");
        List<String> misses = new ArrayList<>();
        for (String[] q : queries) {
            Long expected = KEYS.get(q[1]);
            assertTrue(expected != null, "the corpus has " + q[1]);
            List<Long> top = index.search(q[0], UserQuery.Mode.SEARCH, SearchIndex.Filters.brand(1),
                SearchIndex.Order.RELEVANCE, 0, 3, false, false).hits().stream().map(SearchIndex.Hit::id).toList();
            if (!top.contains(expected)) {
                misses.add(q[0] + " -> " + q[1]);
            }
        }
        double rate = 1.0 - (double) misses.size() / queries.size();
        System.out.printf("relevance: %d of %d queries (%.1f %%) have their question in the top 3; missed: %s%n",
            queries.size() - misses.size(), queries.size(), rate * 100, misses);
        assertTrue(rate >= 0.9, "at least 90 % in the top 3, missed: " + misses);
    }

    @Test
    void theQuotedExamplesOfTheIssueFindTheirQuestionFirst() {
        for (String[] q : List.of(new String[] {"beton", "beton-meche"}, new String[] {"perceuses", "perceuse-choix"},
            new String[] {"return paint", "return-paint"})) {
            List<Long> top = index.search(q[0], UserQuery.Mode.SEARCH, SearchIndex.Filters.brand(1),
                SearchIndex.Order.RELEVANCE, 0, 1, false, false).hits().stream().map(SearchIndex.Hit::id).toList();
            assertEquals(List.of(KEYS.get(q[1])), top, q[0]);
        }
    }

    @Test
    void similarQuestionsOfATitleBeingAsked() {
        List<Long> similar = index.search("Comment réparer une fuite sous mon évier ?", UserQuery.Mode.LOOSE,
            SearchIndex.Filters.brand(1).withType("question"), SearchIndex.Order.RELEVANCE, 0, 3, false, false).hits()
            .stream().map(SearchIndex.Hit::id).toList();
        assertEquals(KEYS.get("fuite-evier"), similar.get(0), "the closest question first: " + similar);
    }

    static List<String[]> rows(String file) throws IOException {
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/" + file)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

}
