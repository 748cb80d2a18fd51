package org.entraide.core.internal.rest;

import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.core.internal.paging.CursorPage;
import org.entraide.core.internal.paging.PageRequest;

/**
 * The RFC 8288 {@code Link} header of a page of a list: {@code rel="next"} and {@code rel="prev"}, as URLs relative to
 * the request's own, with its other parameters kept. A keyset list's next link carries its {@code after} cursor; a
 * page-number list's links carry page numbers, and stop where page numbers do ({@link PageRequest#MAX_DEPTH}). Any
 * record or map shaped {@code {items, total, page, size}} is a page, so that the plugins' lists (their
 * {@code Paging.answer}) are linked as the core's, and a map with a {@code next} key as a keyset page (their
 * {@code CursorPaging.answer}).
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
        } else if (body instanceof Map<?, ?> map && map.containsKey("next") && map.get("items") instanceof List<?>) {
            // a plugin's keyset list (CursorPaging): the same links as the core's CursorPage
            if (map.get("next") instanceof String next) {
                links.add(link(path, rawQuery, "after", next, "next"));
            }
            Long page = number(body, "page");
            Long size = number(body, "size");
            Long total = number(body, "total");
            if (page != null && size != null && size >= 1 && total != null) {
                prev(links, path, rawQuery, page.intValue(), size.intValue(), total);
            }
        } else if (body instanceof Record || body instanceof Map<?, ?>) {
            Long page = number(body, "page");
            Long size = number(body, "size");
            Long total = number(body, "total");
            if (page == null || size == null || total == null || size < 1 || !(value(body, "items") instanceof List<?>)) {
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

    /** A whole-number field of a page (a record's component or a map's entry, as plugins answer), or null. */
    private static Long number(Object page, String name) {
        return value(page, name) instanceof Number n ? n.longValue() : null;
    }

    private static Object value(Object page, String name) {
        if (page instanceof Map<?, ?> map) {
            return map.get(name);
        }
        for (RecordComponent c : page.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    c.getAccessor().setAccessible(true);
                    return c.getAccessor().invoke(page);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
