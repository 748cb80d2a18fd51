package org.entraide.core.internal.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    @Test
    void offsetCountsWholePagesBefore() {
        assertEquals(0, new PageRequest(1, 20).offset(), "page 1 starts at 0");
        assertEquals(40, new PageRequest(3, 20).offset(), "page 3 of 20 starts at 40");
        assertEquals(9_900, new PageRequest(100, 100).offset(), "the deepest page of 100 starts at 9,900");
    }

    @Test
    void pagesStartAtOneAndHoldOneToAHundredItems() {
        assertEquals("page", field(() -> new PageRequest(0, 20)), "page 0 is refused");
        assertEquals("page", field(() -> new PageRequest(-1, 20)), "a negative page is refused");
        assertEquals("size", field(() -> new PageRequest(1, 0)), "an empty page is refused");
        assertEquals("size", field(() -> new PageRequest(1, 101)), "more than 100 items is refused");
        assertEquals(100, new PageRequest(1, PageRequest.MAX_SIZE).size(), "100 items is allowed");
    }

    @Test
    void pageNumbersReachTenThousandItemsDeep() {
        assertEquals(500, new PageRequest(500, 20).page(), "page 500 of 20 ends at 10,000");
        assertEquals("page", field(() -> new PageRequest(501, 20)), "page 501 of 20 is too deep");
        assertEquals("page", field(() -> new PageRequest(Integer.MAX_VALUE, 100)), "the largest page is too deep");
        assertEquals("page", field(() -> ListRequest.of(101, 100, null)), "a keyset list stops as deep");
        ProblemException e = assertThrows(ProblemException.class, () -> ListRequest.of(10_001, 1, null));
        assertTrue(e.errors().get(0).message().contains("after"), "and tells to go on with after: " + e.errors());
    }

    @Test
    void aKeysetListIsAskedByPageNumberOrAfterACursor() {
        ListRequest first = ListRequest.of(null, null, null);
        assertEquals(1, first.page().page(), "page 1 by default");
        assertEquals(20, first.size(), "20 items by default");
        ListRequest after = ListRequest.of(null, 5, "abc");
        assertNull(after.page(), "no page number after a cursor");
        assertEquals("abc", after.after(), "the cursor");
        assertEquals("page", field(() -> ListRequest.of(2, 5, "abc")), "not both");
        assertEquals("size", field(() -> ListRequest.of(null, 101, "abc")), "the size is checked after a cursor too");
        assertEquals("size", field(() -> ListRequest.of(1, 0, null)), "and before");
    }

    @Test
    void aPageEchoesItsRequest() {
        Page<String> page = new Page<>(List.of("a", "b"), 7, new PageRequest(2, 2));
        assertEquals(List.of("a", "b"), page.items(), "items");
        assertEquals(7, page.total(), "total of every page");
        assertEquals(2, page.page(), "page");
        assertEquals(2, page.size(), "size");
        assertEquals(List.of("A", "B"), page.map(String::toUpperCase).items(), "mapping keeps the paging");
    }

    private static String field(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.status(), "a bad request");
        return e.errors().get(0).field();
    }
}
