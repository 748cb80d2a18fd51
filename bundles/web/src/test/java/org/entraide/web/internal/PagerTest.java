package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class PagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pageNumbersStopWhereTheApisDo() {
        Map<String, Object> pager = Pager.of(list(1_000_000, 500, 20), "/b/demo/questions");
        assertEquals(500, pager.get("last"), "20 per page reach 10,000 items: page 500");
        assertFalse(pager.containsKey("next"), "the last reachable page links no further");
        assertEquals("/b/demo/questions?page=499", pager.get("prev"), "but back");
        assertEquals(200, Pager.of(list(1_000_000, 1, 50), "/x").get("last"), "50 per page: 200 pages");
    }

    @Test
    void aShortListHasNoPager() {
        assertNull(Pager.of(list(12, 1, 20), "/x"), "one page");
        assertEquals(2, Pager.of(list(21, 1, 20), "/x").get("last"), "21 items make 2 pages");
    }

    private static ObjectNode list(long total, int page, int size) {
        return JSON.createObjectNode().put("total", total).put("page", page).put("size", size);
    }
}
