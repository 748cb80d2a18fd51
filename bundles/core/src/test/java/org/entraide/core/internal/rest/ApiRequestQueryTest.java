package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** An endpoint reads only the query parameters its description lists, so none can be left out of openapi.json. */
class ApiRequestQueryTest {
    @Test
    void readingAnUndocumentedQueryParameterIsAProgrammingError() {
        ApiRequest request = new ApiRequest(Map.of(), Map.of("tag", "a", "other", "b"), Set.of("tag", "page"), null,
            Optional::empty, () -> null, slug -> null, "127.0.0.1");
        assertEquals("a", request.query("tag"));
        assertNull(request.query("page"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> request.query("other"));
        assertEquals("route reads the undocumented query parameter other", e.getMessage());
    }
}
