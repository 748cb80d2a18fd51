package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.entraide.core.internal.paging.CursorPage;
import org.entraide.core.internal.paging.Page;
import org.junit.jupiter.api.Test;

class PageLinksTest {
    private static final String PATH = "/api/v1/brands/demo/questions";

    /** Shaped like the plugins' own pages, which the core does not know. */
    record PluginPage(List<String> items, long total, int page, int size) {
    }

    record NotAPage(String items, long total, int page, int size) {
    }

    @Test
    void aKeysetPageLinksItsNextCursorAndKeepsTheOtherParameters() {
        CursorPage<String> page = new CursorPage<>(List.of("a"), 9L, 2, 1, "Q3Vy-c29y");
        assertEquals("<" + PATH + "?tag=b%C3%A9ton&size=1&after=Q3Vy-c29y>; rel=\"next\", <" + PATH
                + "?tag=b%C3%A9ton&size=1&page=1>; rel=\"prev\"",
            PageLinks.of(page, PATH, "tag=b%C3%A9ton&page=2&size=1"), "next by cursor, prev by number");
        CursorPage<String> after = new CursorPage<>(List.of("a"), null, null, 1, "bmV4dA");
        assertEquals("<" + PATH + "?size=1&after=bmV4dA>; rel=\"next\"", PageLinks.of(after, PATH, "after=old&size=1"),
            "after a cursor, the next one replaces it");
        assertNull(PageLinks.of(new CursorPage<>(List.of("a"), null, null, 1, null), PATH, "after=x"),
            "the last page links nothing");
    }

    @Test
    void aPluginsKeysetPageIsLinkedAsTheCoresIs() {
        java.util.Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", List.of("a"));
        page.put("total", 9L);
        page.put("page", 2);
        page.put("size", 1);
        page.put("next", "bmV4dA");
        assertEquals("<" + PATH + "?size=1&after=bmV4dA>; rel=\"next\", <" + PATH + "?size=1&page=1>; rel=\"prev\"",
            PageLinks.of(page, PATH, "page=2&size=1"), "next by cursor, prev by number");
        page.put("total", null);
        page.put("page", null);
        assertEquals("<" + PATH + "?size=1&after=bmV4dA>; rel=\"next\"", PageLinks.of(page, PATH, "after=old&size=1"),
            "after a cursor, the next one replaces it and no previous page is known");
        page.put("next", null);
        assertNull(PageLinks.of(page, PATH, "after=old&size=1"), "the last page after a cursor links nothing");
    }

    @Test
    void aPageNumberListLinksItsNeighboursUpToItsDepth() {
        assertEquals("<" + PATH + "?page=3>; rel=\"next\", <" + PATH + "?page=1>; rel=\"prev\"",
            PageLinks.of(new Page<>(List.of("a"), 5, 2, 1), PATH, "page=2"),
            "both neighbours");
        assertEquals("<" + PATH + "?size=20&page=499>; rel=\"prev\"",
            PageLinks.of(new Page<>(List.of("a"), 1_000_000, 500, 20), PATH, "size=20&page=500"),
            "no next link deeper than 10,000 items");
        assertEquals("<" + PATH + "?page=3>; rel=\"prev\"", PageLinks.of(new Page<>(List.of(), 5, 9, 2), PATH, "page=9"),
            "past the end, prev is the last page");
        assertEquals("<" + PATH + "?page=2>; rel=\"next\"", PageLinks.of(new PluginPage(List.of("a"), 3, 1, 1), PATH, null),
            "a plugin's page is linked as the core's");
        assertEquals("<" + PATH + "?page=1>; rel=\"prev\"", PageLinks.of(new org.entraide.api.web.Paging(2, 1)
            .answer(List.of("b"), 2), PATH, "page=2"), "as is the map a plugin answers with Paging");
        assertNull(PageLinks.of(new NotAPage("a", 3, 1, 1), PATH, null), "a record with no list of items is no page");
        assertNull(PageLinks.of("text", PATH, null), "nor anything else");
    }
}
