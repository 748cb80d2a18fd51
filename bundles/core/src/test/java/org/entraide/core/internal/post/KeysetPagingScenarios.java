package org.entraide.core.internal.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging of the long public lists: walking a list by its next cursor (or its Link header) gives every item
 * once, in order, while new items arrive; cursors are bound to their brand and list; page numbers stop at
 * page × size = 10,000; each page is a range of an index.
 */
public abstract class KeysetPagingScenarios extends ApiScenarios {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern PREV = Pattern.compile("<([^>]+)>; rel=\"prev\"");
    private static final String QUESTIONS = "/api/v1/brands/demo/questions";

    @Test
    void walkingQuestionsAfterEachCursorGivesEveryOneOnceInOrderWhileNewOnesArrive() {
        String tag = Community.unique("walk");
        List<Long> asked = askMany(tag, 13);
        // ties on the sort key are broken by id: five questions share one creation time
        Instant tie = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post SET created_at = ? WHERE id IN (?, ?, ?, ?, ?)",
            Timestamp.from(tie), asked.get(3), asked.get(4), asked.get(5), asked.get(6), asked.get(7)));
        List<Long> expected = order(tag, "created_at");

        Member late = community.join("demo");
        List<Long> walked = new ArrayList<>();
        String url = QUESTIONS + "?tag=" + tag + "&size=4";
        int pages = 0;
        while (url != null) {
            Http.Response r = get(url);
            JsonNode page = r.json();
            assertEquals(4, page.get("size").asInt(), "the size is echoed: " + page);
            if (pages == 0) {
                assertEquals(13, page.get("total").asLong(), "the first page counts the list: " + page);
                assertEquals(1, page.get("page").asInt(), "the first page is page 1: " + page);
            } else {
                assertTrue(page.get("total").isNull(), "a page after a cursor counts nothing: " + page);
                assertTrue(page.get("page").isNull(), "nor numbers itself: " + page);
            }
            walked.addAll(Community.ids(page));
            String next = link(r, NEXT);
            assertEquals(page.get("next").isNull(), next == null, "a Link rel=next exactly when next is given: " + r);
            if (next != null) {
                assertTrue(next.contains("after=" + page.get("next").asText()) && next.contains("tag=" + tag)
                    && next.contains("size=4"), "the next link keeps the filters and carries the cursor: " + next);
            }
            // a question asked meanwhile is newer than every page already read: it never shifts the rest
            community.ask(late, "demo", "Asked while walking " + pages, "body", null, List.of(tag));
            url = next;
            pages++;
        }
        assertEquals(expected, walked, "every question once, newest first, ties by id");
        assertEquals(4, pages, "13 questions make 4 pages of 4");
        assertEquals(new HashSet<>(walked).size(), walked.size(), "no question twice");
    }

    @Test
    void everySortWalksByItsOwnKey() {
        String tag = Community.unique("sorts");
        List<Long> asked = askMany(tag, 7);
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE post SET score = 5 WHERE id IN (?, ?, ?)",
            asked.get(1), asked.get(2), asked.get(5)));
        for (String[] sort : List.of(new String[] {"score", "score"}, new String[] {"active", "updated_at"},
                new String[] {"recent", "created_at"})) {
            List<Long> walked = walk(QUESTIONS + "?sort=" + sort[0] + "&tag=" + tag + "&size=2");
            assertEquals(order(tag, sort[1]), walked, "sort " + sort[0] + " walks in its order, ties by id");
        }
    }

    @Test
    void aStoresComplaintsWalkByCursorToo() {
        Member admin = community.demo("admin");
        String store = community.newStore(admin, "Cursorville");
        Member customer = community.join("demo");
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            filed.add(community.complaintId(customer, store, i % 2 == 0));
        }
        List<Long> newestFirst = new ArrayList<>(filed);
        java.util.Collections.reverse(newestFirst);
        String base = "/api/v1/brands/demo/complaints?store=" + store + "&size=3";
        assertEquals(newestFirst, walk(base), "a store's complaints, newest first, each once");
        assertEquals(newestFirst, walk("/api/v1/brands/demo/complaints?city=cursorville&size=2"), "by city too");

        String cursor = get(base).json().get("next").asText();
        Http.Response otherFilter = http.get("/api/v1/brands/demo/complaints?size=3&after=" + cursor, null);
        assertBadAfter(otherFilter, "a cursor of a store's list, used on the whole list");
        Http.Response onQuestions = http.get(QUESTIONS + "?size=3&after=" + cursor, null);
        assertBadAfter(onQuestions, "a complaint list's cursor, used on the questions");
    }

    @Test
    void alteredAndForeignCursorsAreBadRequests() {
        String tag = Community.unique("tamper");
        askMany(tag, 3);
        String list = QUESTIONS + "?tag=" + tag + "&size=1";
        String cursor = get(list).json().get("next").asText();
        assertEquals(200, http.get(list + "&after=" + cursor, null).status(), "the cursor as given is fine");
        String flipped = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
        for (String bad : List.of(flipped, cursor.substring(0, cursor.length() - 2), "not-a-cursor", "%00", "abc%25",
                "x".repeat(400), java.util.Base64.getUrlEncoder().encodeToString("1|1|0|1|1|0".getBytes()))) {
            assertBadAfter(http.get(list + "&after=" + bad, null), "cursor " + bad);
        }
        assertBadAfter(http.get(QUESTIONS + "?tag=" + tag + "&sort=score&size=1&after=" + cursor, null),
            "a cursor of another sort");
        Http.Response both = http.get(list + "&page=2&after=" + cursor, null);
        assertEquals(400, both.status(), "page and after together: " + both);
        assertEquals("page", both.json().get("errors").get(0).get("field").asText(), "names page: " + both);

        String slug = Community.unique("brand");
        Http.Response brand = http.post("/api/v1/admin/brands", Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD),
            Http.json("slug", slug, "name", "Brand " + slug, "adminEmail", "admin@" + slug + ".example",
                "adminPassword", "brand-password-1", "adminPseudonym", "Admin-" + slug));
        assertEquals(201, brand.status(), "a second brand: " + brand);
        Http.Response foreign = http.get("/api/v1/brands/" + slug + "/questions?tag=" + tag + "&size=1&after=" + cursor, null);
        assertBadAfter(foreign, "the demo brand's cursor on another brand");
    }

    @Test
    void pageNumbersStopTenThousandItemsDeepAndPointToAfter() {
        assertEquals(200, http.get(QUESTIONS + "?page=100&size=100", null).status(), "page × size = 10,000 is allowed");
        assertEquals(200, http.get(QUESTIONS + "?page=500", null).status(), "as is page 500 of 20");
        for (String deep : List.of("?page=101&size=100", "?page=501", "?page=2147483647&size=100")) {
            Http.Response r = http.get(QUESTIONS + deep, null);
            assertEquals(400, r.status(), deep + " is too deep: " + r);
            assertEquals("page", r.json().get("errors").get(0).get("field").asText(), deep + " names page: " + r);
            assertTrue(r.json().get("errors").get(0).get("message").asText().contains("after"),
                deep + " tells to go on with after: " + r);
        }
        Http.Response complaints = http.get("/api/v1/brands/demo/complaints?page=10001&size=1", null);
        assertEquals(400, complaints.status(), "complaints stop as deep: " + complaints);
        Http.Response stores = http.get("/api/v1/brands/demo/stores?page=101&size=100", community.demo("admin").token());
        assertEquals(400, stores.status(), "every page-number list stops as deep: " + stores);
    }

    @Test
    void pagesByNumberLinkTheirNeighbours() {
        String tag = Community.unique("links");
        List<Long> asked = askMany(tag, 5);
        Http.Response second = get(QUESTIONS + "?tag=" + tag + "&size=2&page=2");
        assertEquals(List.of(asked.get(2), asked.get(1)), Community.ids(second.json()), "page 2 of 2: " + second.json());
        String prev = link(second, PREV);
        assertNotNull(prev, "page 2 links page 1: " + second);
        assertTrue(prev.contains("page=1") && prev.contains("tag=" + tag) && !prev.contains("after="), prev);
        assertEquals(List.of(asked.get(4), asked.get(3)), Community.ids(get(prev).json()), "prev is page 1");
        String next = link(second, NEXT);
        assertEquals(List.of(asked.get(0)), Community.ids(get(next).json()), "next goes on after page 2");
        Http.Response first = get(QUESTIONS + "?tag=" + tag + "&size=2");
        assertNull(link(first, PREV), "page 1 has no previous: " + first);
        Http.Response alone = get(QUESTIONS + "?tag=" + tag + "&size=10");
        assertNull(alone.header("Link"), "a list on one page links nothing: " + alone);
        assertTrue(alone.json().get("next").isNull(), "nor gives a next cursor: " + alone.json());

        Member admin = community.demo("admin");
        Http.Response stores = http.get("/api/v1/brands/demo/stores?size=1&page=2", admin.token());
        assertEquals(200, stores.status(), stores.toString());
        assertTrue(stores.header("Link").contains("page=3>; rel=\"next\"") && stores.header("Link").contains("page=1>; rel=\"prev\""),
            "a page-number list links its neighbours by number: " + stores.header("Link"));
    }

    @Test
    void aPageAfterACursorIsARangeOfAnIndex() {
        long brand = server.core.db.inTransaction(c -> Sql.count(c, "SELECT id FROM brand WHERE slug = 'demo'"));
        String after = " AND p.created_at <= TIMESTAMP WITH TIME ZONE '2030-01-01 00:00:00+00'"
            + " AND (p.created_at < TIMESTAMP WITH TIME ZONE '2030-01-01 00:00:00+00' OR p.id < 1000)"
            + " ORDER BY p.created_at DESC, p.id DESC LIMIT 21";
        String recent = plan("SELECT p.id FROM post p WHERE p.brand_id = " + brand + " AND p.post_type = 'QUESTION'"
            + " AND p.publication = 'PUBLISHED' AND p.deleted_at IS NULL" + after);
        assertTrue(recent.toLowerCase().contains("post_list_recent_ix"), "the recent list reads its index: " + recent);
        String store = plan("SELECT p.id FROM post p WHERE p.brand_id = " + brand + " AND p.post_type = 'COMPLAINT'"
            + " AND p.publication = 'PUBLISHED' AND p.deleted_at IS NULL AND p.store_id = (SELECT s.id FROM store s"
            + " WHERE s.brand_id = " + brand + " AND s.code = 'LYON-PARTDIEU')" + after);
        assertTrue(storeIndexes().stream().anyMatch(store.toLowerCase()::contains),
            "a store's list reads one of " + storeIndexes() + ": " + store);
    }

    /** The database's plan of a query, as text. */
    protected abstract String plan(String sql);

    /** The indexes the database may read a store's complaints from, as a range starting at the cursor. */
    protected abstract List<String> storeIndexes();

    private List<Long> askMany(String tag, int n) {
        List<Long> ids = new ArrayList<>();
        Member a = community.join("demo");
        Member b = community.join("demo");
        for (int i = 0; i < n; i++) {
            ids.add(QuestionListScenarios.id(community.ask(i % 2 == 0 ? a : b, "demo", "Question " + i + " of " + tag,
                "body", null, List.of(tag))));
        }
        return ids;
    }

    /** The published questions of a tag, as the database orders them by a column then by id, both descending. */
    private List<Long> order(String tag, String column) {
        return server.core.db.inTransaction(c -> Sql.list(c, "SELECT p.id FROM post p JOIN post_tag g ON g.post_id = p.id"
            + " WHERE g.tag = ? AND p.publication = 'PUBLISHED' ORDER BY p." + column + " DESC, p.id DESC",
            rs -> rs.getLong(1), tag));
    }

    /** Every id of a list, following its next cursor, checked to come once. */
    private List<Long> walk(String first) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String url = first;
        while (url != null) {
            Http.Response r = get(url);
            for (long id : Community.ids(r.json())) {
                assertTrue(seen.add(id), id + " comes once walking " + first);
                ids.add(id);
            }
            url = link(r, NEXT);
        }
        return ids;
    }

    private Http.Response get(String url) {
        Http.Response r = http.get(url, null);
        assertEquals(200, r.status(), url + ": " + r);
        return r;
    }

    private static String link(Http.Response r, Pattern rel) {
        String header = r.header("Link");
        if (header == null) {
            return null;
        }
        Matcher m = rel.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static void assertBadAfter(Http.Response r, String what) {
        assertEquals(400, r.status(), what + " is a bad request: " + r);
        assertEquals("application/problem+json", r.header("Content-Type"), what + " answers a problem");
        assertEquals("after", r.json().get("errors").get(0).get("field").asText(), what + " names after: " + r);
        assertFalse(r.json().get("errors").get(0).get("message").asText().isEmpty(), what);
    }
}
