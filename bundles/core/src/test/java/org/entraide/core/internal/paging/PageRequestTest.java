package org.entraide.core.internal.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    @Test
    void offsetCountsWholePagesBefore() {
        assertEquals(0, new PageRequest(1, 20).offset(), "page 1 starts at 0");
        assertEquals(40, new PageRequest(3, 20).offset(), "page 3 of 20 starts at 40");
        assertEquals(100L * (Integer.MAX_VALUE - 1), new PageRequest(Integer.MAX_VALUE, 100).offset(),
            "the largest page does not overflow");
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
