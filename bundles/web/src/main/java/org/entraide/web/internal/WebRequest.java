package org.entraide.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a page needs of an HTTP request. Headers and cookies are read from the servlet request itself, never from
 * Camel's message headers: Camel copies query parameters into those, so {@code ?Cookie=...} could shadow the
 * real cookie.
 */
/**
 * {@code publicBase} is the configured public base URL (no trailing slash): absolute links are built on it,
 * never on the request's Host header, which the client chooses. {@code userAgent} only names a member's device on
 * their sessions page.
 */
record WebRequest(String method, String path, String query, Map<String, String> cookies, Map<String, String> form,
                  String host, String origin, boolean secure, String acceptLanguage, String publicBase, String userAgent,
                  java.util.List<Uploads.FileField> files) {
    /** Largest form body read; the API refuses longer texts anyway. */
    static final int MAX_FORM_BYTES = 128 * 1024;

    WebRequest {
        cookies = Collections.unmodifiableMap(cookies);
        form = Collections.unmodifiableMap(form);
        files = files == null ? java.util.List.of() : java.util.List.copyOf(files);
    }

    /** A request without a file: every form but those of {@link Uploads#PATHS}. */
    WebRequest(String method, String path, String query, Map<String, String> cookies, Map<String, String> form,
               String host, String origin, boolean secure, String acceptLanguage, String publicBase, String userAgent) {
        this(method, path, query, cookies, form, host, origin, secure, acceptLanguage, publicBase, userAgent, java.util.List.of());
    }

    /** The form's first file, or null: the forms that take one file (an avatar, an attachment). */
    Uploads.FileField file() {
        return files.isEmpty() ? null : files.get(0);
    }

    static WebRequest get(String path, String query) {
        return new WebRequest("GET", path, query, Map.of(), Map.of(), "localhost", null, false, null, PublicBaseUrl.DEFAULT,
            null);
    }

    boolean isPost() {
        return "POST".equals(method);
    }

    /** A query parameter, or null. */
    String param(String name) {
        return decode(query).get(name);
    }

    /** A form field, stripped, or "" when absent. */
    String field(String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }

    /** A form field exactly as sent (passwords, Markdown bodies), or "" when absent. */
    String raw(String name) {
        String v = form.get(name);
        return v == null ? "" : v;
    }

    /** {@code application/x-www-form-urlencoded} (or a query string) as a map of first values. */
    static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformed) {
                // a malformed escape: the field is ignored, and the form then lacks it
            }
        }
        return out;
    }

    /** The {@code Cookie} header as a map (first value of each name). */
    static Map<String, String> cookies(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(";")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && !kv[0].isEmpty() && !kv[0].startsWith("$")) {
                // RFC 6265 allows a value in double quotes (and some clients send them): the quotes are not part of it
                String value = kv[1].length() >= 2 && kv[1].startsWith("\"") && kv[1].endsWith("\"")
                    ? kv[1].substring(1, kv[1].length() - 1) : kv[1];
                out.putIfAbsent(kv[0], value);
            }
        }
        return out;
    }

    /** Whether the request's Origin (when the browser sent one) is this site. */
    boolean sameOrigin() {
        if (origin == null) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        return o.equals("http://" + host.toLowerCase(Locale.ROOT)) || o.equals("https://" + host.toLowerCase(Locale.ROOT));
    }
}
