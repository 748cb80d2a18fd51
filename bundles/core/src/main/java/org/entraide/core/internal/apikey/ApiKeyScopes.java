package org.entraide.core.internal.apikey;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What each scope of an API key lets it call. A key may call an operation only when one of its scopes lists it:
 * anything not listed here (accounts, {@code /me}, passwords, members' roles, features, moderation, a plugin's
 * new route...) is refused to every key, so that a new endpoint is closed to keys until a scope names it.
 * Operations are matched by method and by the path under {@code /api/v1/brands/{brand}/}, which covers the core's
 * routes and plugins' alike: they all go through the one dispatcher.
 */
public final class ApiKeyScopes {
    public static final String COMPLAINTS_READ = "complaints:read";
    public static final String COMPLAINTS_RESPOND = "complaints:respond";
    public static final String STORES_MANAGE = "stores:manage";
    public static final String QUESTIONS_READ = "questions:read";
    public static final String POSTS_WRITE = "posts:write";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    /** Every scope, in the order the pages show them. */
    public static final List<String> ALL = List.of(COMPLAINTS_READ, COMPLAINTS_RESPOND, STORES_MANAGE, QUESTIONS_READ,
        POSTS_WRITE, WEBHOOKS_MANAGE);

    private record Grant(String scope, String method, Pattern path) {
    }

    private static final String ID = "[^/]+";
    private static final List<Grant> GRANTS = List.of(
        grant(COMPLAINTS_READ, "GET", "complaints"),
        grant(COMPLAINTS_READ, "GET", "complaints/" + ID),
        grant(COMPLAINTS_RESPOND, "POST", "complaints/" + ID + "/responses"),
        grant(STORES_MANAGE, "GET", "stores"),
        grant(STORES_MANAGE, "POST", "stores"),
        grant(STORES_MANAGE, "PUT", "stores/" + ID),
        grant(QUESTIONS_READ, "GET", "questions"),
        grant(QUESTIONS_READ, "GET", "questions/" + ID),
        grant(QUESTIONS_READ, "GET", "questions/" + ID + "/duplicate"),
        grant(QUESTIONS_READ, "GET", "posts/" + ID + "/revisions"),
        grant(QUESTIONS_READ, "GET", "topics"),
        grant(POSTS_WRITE, "POST", "questions"),
        grant(POSTS_WRITE, "POST", "questions/" + ID + "/answers"),
        grant(POSTS_WRITE, "PUT", "posts/" + ID),
        grant(POSTS_WRITE, "DELETE", "posts/" + ID),
        grant(POSTS_WRITE, "PUT", "posts/" + ID + "/staff-note"),
        grant(POSTS_WRITE, "DELETE", "posts/" + ID + "/staff-note"),
        grant(POSTS_WRITE, "POST", "previews"),
        grant(WEBHOOKS_MANAGE, "GET", "webhooks(/.*)?"),
        grant(WEBHOOKS_MANAGE, "POST", "webhooks(/.*)?"),
        grant(WEBHOOKS_MANAGE, "PUT", "webhooks(/.*)?"),
        grant(WEBHOOKS_MANAGE, "DELETE", "webhooks(/.*)?"));

    private static final Pattern UNDER_BRAND = Pattern.compile("^/api/v1/brands/([^/]+)/(.+)$");

    private ApiKeyScopes() {
    }

    private static Grant grant(String scope, String method, String path) {
        return new Grant(scope, method, Pattern.compile(path));
    }

    /**
     * The scope that lets a key call {@code method path} ({@code path} as requested, without its query), or empty
     * when no scope does: then no key may call it.
     */
    public static Optional<String> required(String method, String path) {
        if (path == null || ambiguous(path)) {
            return Optional.empty();
        }
        var m = UNDER_BRAND.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2).endsWith("/") ? m.group(2).substring(0, m.group(2).length() - 1) : m.group(2);
        for (Grant g : GRANTS) {
            if (g.method().equals(method) && g.path().matcher(rest).matches()) {
                return Optional.of(g.scope());
            }
        }
        return Optional.empty();
    }

    /**
     * A path the server might read otherwise than as written (dot segments, encoded characters, parameters, empty
     * segments): matched against no scope, so that no spelling reaches an operation its scope does not list.
     */
    private static boolean ambiguous(String path) {
        return path.contains("%") || path.contains(";") || path.contains("\\") || path.contains("//")
            || path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..");
    }

    /** The scopes as stored and shown: known ones only, sorted, without repeats; 400 naming {@code scopes} otherwise. */
    public static Set<String> parse(List<String> scopes) {
        Set<String> out = new TreeSet<>();
        for (String s : scopes) {
            if (s == null || !ALL.contains(s)) {
                throw org.entraide.api.problem.ProblemException.invalid("scopes",
                    "unknown scope '" + s + "'; known: " + String.join(", ", ALL));
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw org.entraide.api.problem.ProblemException.invalid("scopes", "at least one scope");
        }
        return out;
    }
}
