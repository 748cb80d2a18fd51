package org.entraide.channels.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.entraide.api.problem.ProblemException;

/**
 * The origins allowed to frame a brand's widget, as they go into {@code frame-ancestors}: scheme, host and
 * optional port only, https (http only for localhost), no wildcard, so that a value can never widen the policy.
 */
final class EmbedOrigins {
    static final int MAX = 10;

    private EmbedOrigins() {
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.strip().split(" +"));
    }

    /** The origins normalised (lower case, no trailing slash); a 400 problem naming {@code embedOrigins} otherwise. */
    static List<String> check(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX) {
            throw ProblemException.invalid("embedOrigins", "at most " + MAX + " origins");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : raw) {
            out.add(origin(value));
        }
        return new ArrayList<>(out);
    }

    private static String origin(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
            if (host != null && host.matches("[a-z0-9.-]{1,253}") && uri.getRawUserInfo() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && ("https".equals(scheme) || ("http".equals(scheme) && local))) {
                return scheme + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw ProblemException.invalid("embedOrigins", "'" + value + "' is not an https origin such as https://www.example.com");
    }
}
