package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** What may be kept, and for how long: the bound that keeps another node's writes from waiting longer. */
class PageCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final PageCache cache = new PageCache(2, 1_000, now::get);

    @Test
    void aPageIsServedWhileItsVersionIsCurrentAndNoLongerThanItsAge() {
        assertNotNull(cache.keep("k", 7, now.get(), page()));
        assertNotNull(cache.find("k", 7));
        assertNull(cache.find("k", 8), "a write moved the brand");
        now.addAndGet(499);
        assertNotNull(cache.find("k", 7));
        now.addAndGet(1);
        assertNull(cache.find("k", 7), "half the bound: made again here, while the core's front serves the copy it has");
    }

    @Test
    void onlyAnonymousPagesWithoutCookiesAreKept() {
        assertNull(cache.keep("k", 1, now.get(), WebReply.of(new Page(200, "<p>a member's page</p>"))), "not marked anonymous");
        assertNull(cache.keep("k", 1, now.get(), page().cookie("entraide_csrf=x")), "sets a cookie");
        assertNull(cache.keep("k", 1, now.get(), WebReply.of(new Page(404, "<p>no</p>")).anonymous()), "not a 200");
        assertNull(cache.keep("k", 1, now.get(), WebReply.seeOther("/b/demo").anonymous()), "a redirect");
        assertEquals(0, cache.size());
    }

    @Test
    void theLeastRecentlyReadPageGoesFirst() {
        cache.keep("a", 1, now.get(), page());
        cache.keep("b", 1, now.get(), page());
        cache.find("a", 1);
        cache.keep("c", 1, now.get(), page());
        assertEquals(2, cache.size());
        assertNotNull(cache.find("a", 1));
        assertNull(cache.find("b", 1));
    }

    @Test
    void onlyPublicPagesOfVisitorsWithoutSessionAreCandidates() {
        assertTrue(PageCache.candidate("GET", "/b/demo/questions/12", Map.of(), Map.of()));
        assertTrue(PageCache.candidate("GET", "/b/demo", Map.of("lang", "fr"), Map.of("page", "2")));
        assertFalse(PageCache.candidate("POST", "/b/demo/questions/12", Map.of(), Map.of()));
        assertFalse(PageCache.candidate("GET", "/b/demo/questions/12", Map.of(Visit.SESSION, "t"), Map.of()));
        assertFalse(PageCache.candidate("GET", "/b/demo", Map.of(), Map.of("lang", "fr")), "a language switch sets a cookie");
        for (String personal : new String[] {"/b/demo/me", "/b/demo/login", "/b/demo/unsubscribe", "/b/demo/verify-email",
            "/b/demo/reset-password", "/b/demo/admin", "/b/demo/manager", "/b/demo/sso/callback", "/b/demo/ask"}) {
            assertFalse(PageCache.candidate("GET", personal, Map.of(), Map.of()), personal);
        }
    }

    private static WebReply page() {
        return WebReply.of(new Page(200, "<p>the same for everyone</p>")).anonymous();
    }
}
