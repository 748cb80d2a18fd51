package org.entraide.core.internal.camel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;

/** The REST binding's parameters are decoded from the query string as the servlet container would decode it. */
class QueryOnlyRestBindingTest {
    @Test
    void repeatedNamesKeepEveryValueInOrderAndEncodingsAreDecoded() {
        Map<String, String[]> p = QueryOnlyRestBinding.QueryParameters.decode("tag=a&q=caf%C3%A9+cr%C3%A8me&tag=b&empty=");
        assertEquals(List.of("tag", "q", "empty"), List.copyOf(p.keySet()), "names in the order they first appear");
        assertArrayEquals(new String[] {"a", "b"}, p.get("tag"), "both values of a repeated name");
        assertArrayEquals(new String[] {"café crème"}, p.get("q"), "UTF-8 percent-encoding and + as a space");
        assertArrayEquals(new String[] {""}, p.get("empty"), "a name without a value");
    }

    @Test
    void noQueryMeansNoParameters() {
        assertTrue(QueryOnlyRestBinding.QueryParameters.decode(null).isEmpty());
        assertTrue(QueryOnlyRestBinding.QueryParameters.decode("").isEmpty());
    }

    @Test
    void aMalformedQueryIsTheClientsError() {
        BadMessageException e = assertThrows(BadMessageException.class,
            () -> QueryOnlyRestBinding.QueryParameters.decode("page=%zz"));
        assertEquals(400, e.getCode(), "a 400, as Jetty answers for a query it cannot decode");
    }
}
