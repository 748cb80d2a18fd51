package org.entraide.web.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The {@code public.base.url} setting: an absolute http(s) URL, kept without its trailing slash. */
final class PublicBaseUrl {
    static final String DEFAULT = "http://localhost:8181";

    private PublicBaseUrl() {
    }

    /** @throws IllegalArgumentException naming the key when the value is not an absolute http(s) URL */
    static String parse(String value) {
        String v = value == null ? "" : value.strip();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return v.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("public.base.url must be an absolute http or https URL without query, "
            + "such as https://help.example.org, not '" + v + "'");
    }
}
