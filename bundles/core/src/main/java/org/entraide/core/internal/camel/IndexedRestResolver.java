package org.entraide.core.internal.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.http.common.HttpRestServletResolveConsumerStrategy;

/**
 * Finds the consumer of an HTTP request as Camel's REST strategy does, from an index instead of a scan. Camel's
 * strategy splits and lower-cases the path of every consumer of the server for every request (a few hundred with all
 * capabilities installed): that was most of the memory an API request allocated, and a good part of its time. This
 * one keeps, for the consumers of the moment, their paths split once, and answers the requests that Camel's rules
 * settle plainly: one literal path, one template with fewer placeholders than any other that matches, or else the one
 * consumer on a prefix of the path (the web pages'). Anything else (an OPTIONS or HEAD request, an empty segment, a
 * path two consumers could claim) is left to Camel's own strategy, so the answer is always the one Camel would give.
 *
 * <p>The index is made again whenever the consumers change: routes added or removed (counted by the context's
 * lifecycle) or the consumers the servlet holds are other ones (a route stopped or started), and the consumer found must
 * still be the one the servlet holds under its URI.
 */
final class IndexedRestResolver extends HttpRestServletResolveConsumerStrategy {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final RouteChanges routesChanged;
    private volatile Index index;

    IndexedRestResolver(RouteChanges routesChanged) {
        this.routesChanged = routesChanged;
    }

    @Override
    protected HttpConsumer doResolve(HttpServletRequest request, String method, Map<String, HttpConsumer> consumers) {
        HttpConsumer found = find(method, request.getPathInfo(), consumers);
        return found != null ? found : super.doResolve(request, method, consumers);
    }

    /** The consumer Camel's rules give plainly, or null when Camel's own strategy is to decide. */
    HttpConsumer find(String method, String path, Map<String, HttpConsumer> consumers) {
        if (path == null || !METHODS.contains(method)) {
            return null;
        }
        Index current = index(consumers);
        Route route = current.find(method, path);
        if (route == null || consumers.get(route.uri) != route.consumer) {
            return null;
        }
        return route.consumer;
    }

    private Index index(Map<String, HttpConsumer> consumers) {
        long changed = routesChanged.count();
        long members = members(consumers);
        Index current = index;
        if (current == null || current.changed != changed || current.members != members) {
            current = Index.of(changed, members, consumers);
            index = current;
        }
        return current;
    }

    /**
     * Which consumers the map holds, as one number: a route stopped and another started between two requests leave
     * the map's size as it was, not this.
     */
    private static long members(Map<String, HttpConsumer> consumers) {
        long sum = consumers.size();
        for (HttpConsumer c : consumers.values()) {
            sum += System.identityHashCode(c) * 0x9E3779B97F4A7C15L;
        }
        return sum;
    }

    /** One consumer: its path as Camel compares it (without its outer slashes, split on slashes). */
    private record Route(String uri, HttpConsumer consumer, String restrict, String lower, String[] segments, int placeholders,
                         boolean prefix) {
        static Route of(String uri, HttpConsumer consumer) {
            String path = trimSlashes(consumer.getPath() == null ? "" : consumer.getPath());
            String[] segments = path.split("/");
            int placeholders = 0;
            for (String s : segments) {
                if (s.startsWith("{") && s.endsWith("}")) {
                    placeholders++;
                }
            }
            String restrict = consumer.getEndpoint().getHttpMethodRestrict();
            return new Route(uri, consumer, restrict == null ? null : restrict.toLowerCase(Locale.ENGLISH),
                path.toLowerCase(Locale.ENGLISH), segments, placeholders, consumer.getEndpoint().isMatchOnUriPrefix());
        }

        boolean allows(String method) {
            return restrict == null || restrict.contains(method.toLowerCase(Locale.ENGLISH));
        }

        /** Whether the template matches these request segments, each literal segment ignoring case. */
        boolean matchesTemplate(String[] request) {
            if (request.length != segments.length) {
                return false;
            }
            for (int i = 0; i < request.length; i++) {
                String s = segments[i];
                if (!(s.startsWith("{") && s.endsWith("}")) && !s.equalsIgnoreCase(request[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Index(long changed, long members, Map<String, List<Route>> byLiteralPath, Map<String, List<Route>> byMethod,
                         List<Route> prefixes, boolean usable) {
        static Index of(long changed, long members, Map<String, HttpConsumer> consumers) {
            Map<String, List<Route>> literal = new HashMap<>();
            Map<String, List<Route>> byMethod = new HashMap<>();
            List<Route> prefixes = new ArrayList<>();
            boolean usable = true;
            for (Map.Entry<String, HttpConsumer> e : consumers.entrySet()) {
                Route r = Route.of(e.getKey(), e.getValue());
                // Camel also tries each consumer's path as a pattern, after the rules above and over their answer:
                // such a pattern can only match a request path that the rules above also match when it has no '*'
                // and does not end with a slash; with either, everything is left to Camel
                String raw = r.consumer.getPath();
                usable &= raw == null || raw.indexOf('*') < 0 && (raw.length() <= 1 || endsPlainly(raw));
                if (r.prefix) {
                    prefixes.add(r);
                }
                literal.computeIfAbsent(r.lower, k -> new ArrayList<>()).add(r);
                for (String m : METHODS) {
                    if (r.allows(m)) {
                        byMethod.computeIfAbsent(m, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            return new Index(changed, members, literal, byMethod, prefixes, usable);
        }

        Route find(String method, String path) {
            List<Route> candidates = byMethod.get(method);
            if (!usable || candidates == null) {
                return null;
            }
            String trimmed = trimSlashes(path);
            if (path.endsWith("/") || trimmed.isEmpty() || trimmed.startsWith("/") || trimmed.contains("//")) {
                return null; // Camel's splitting of such paths has its own cases
            }
            // a consumer whose path is the request's, letter for letter but for case
            List<Route> same = byLiteralPath.get(trimmed.toLowerCase(Locale.ENGLISH));
            if (same != null) {
                Route only = null;
                for (Route r : same) {
                    if (r.allows(method)) {
                        if (only != null) {
                            return null; // two: Camel takes the first of its map's order
                        }
                        only = r;
                    }
                }
                // none for this method: Camel answers that the method is not allowed, its way
                return only != null && hasPlaceholders(candidates) ? only : null;
            }
            if (!hasPlaceholders(candidates)) {
                return null; // Camel then picks the longest prefix among literal paths
            }
            String[] segments = trimmed.split("/");
            Route best = null;
            boolean tie = false;
            for (Route r : candidates) {
                if (r.placeholders > 0 && r.matchesTemplate(segments)) {
                    if (best == null || r.placeholders < best.placeholders) {
                        best = r;
                        tie = false;
                    } else if (r.placeholders == best.placeholders) {
                        tie = true;
                    }
                }
            }
            if (tie) {
                return null; // refused by Camel as ambiguous
            }
            return best != null ? best : onlyPrefix(method, trimmed.toLowerCase(Locale.ENGLISH));
        }

        /**
         * With no path nor template matching, Camel takes the consumer on a prefix of the path (the web pages' and
         * the API's not-found answers, on {@code /}) when exactly one allows the method.
         */
        private Route onlyPrefix(String method, String lower) {
            Route only = null;
            for (Route r : prefixes) {
                if (r.allows(method) && lower.startsWith(r.lower)) {
                    if (only != null) {
                        return null;
                    }
                    only = r;
                }
            }
            return only;
        }

        /** A path whose pattern cannot match the slash Camel adds to the request's: it ends with a name or a template. */
        private static boolean endsPlainly(String raw) {
            char last = raw.charAt(raw.length() - 1);
            return Character.isLetterOrDigit(last) || last == '}' || last == '_' || last == '-';
        }

        private static boolean hasPlaceholders(List<Route> candidates) {
            for (Route r : candidates) {
                if (r.placeholders > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String trimSlashes(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
