package org.entraide.core.internal.rest;

import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.entraide.core.internal.paging.CursorPage;
import org.entraide.core.internal.paging.PageRequest;

/**
 * The RFC 8288 {@code Link} header of a page of a list: {@code rel="next"} and {@code rel="prev"}, as URLs relative to
 * the request's own, with its other parameters kept. A keyset list's next link carries its {@code after} cursor; a
 * page-number list's links carry page numbers, and stop where page numbers do ({@link PageRequest#MAX_DEPTH}). Any
 * record shaped {@code {items, total, page, size}} is a page, so that the plugins' lists are linked as the core's.
 */
final class PageLinks {
    private static final Set<String> PAGING = Set.of("page", "after");

    private PageLinks() {
    }

    /** The header's value, or null when the body is no page or the page has no neighbour. */
    static String of(Object body, String path, String rawQuery) {
        if (path == null) {
            return null;
        }
        List<String> links = new ArrayList<>();
        if (body instanceof CursorPage<?> page) {
            if (page.next() != null) {
                links.add(link(path, rawQuery, "after", page.next(), "next"));
            }
            if (page.page() != null && page.total() != null) {
                prev(links, path, rawQuery, page.page(), page.size(), page.total());
            }
        } else if (body instanceof Record record) {
            Long page = number(record, "page");
            Long size = number(record, "size");
            Long total = number(record, "total");
            if (page == null || size == null || total == null || size < 1 || number(record, "items") != null) {
                return null;
            }
            if (page * size < total && !PageRequest.tooDeep((int) Math.min(Integer.MAX_VALUE, page + 1), size.intValue())) {
                links.add(link(path, rawQuery, "page", String.valueOf(page + 1), "next"));
            }
            prev(links, path, rawQuery, page.intValue(), size.intValue(), total);
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }

    private static void prev(List<String> links, String path, String rawQuery, int page, int size, long total) {
        if (page > 1) {
            // past the end, the previous page is the last one that has items
            long last = Math.max(1, (total + size - 1) / size);
            links.add(link(path, rawQuery, "page", String.valueOf(Math.min(page - 1, last)), "prev"));
        }
    }

    private static String link(String path, String rawQuery, String name, String value, String rel) {
        StringBuilder url = new StringBuilder(path).append('?');
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !PAGING.contains(key)) {
                    url.append(pair).append('&');
                }
            }
        }
        url.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    /**
     * A whole-number component of a record, or null when it has none of that name. {@code items} answers -1 when
     * it is not a list, so that a record that merely has a page field is not taken for a page.
     */
    private static Long number(Record record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (!c.getName().equals(name)) {
                continue;
            }
            try {
                c.getAccessor().setAccessible(true);
                Object v = c.getAccessor().invoke(record);
                if (name.equals("items")) {
                    return v instanceof List<?> ? null : -1L;
                }
                return v instanceof Number n ? n.longValue() : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return name.equals("items") ? -1L : null;
    }
}
