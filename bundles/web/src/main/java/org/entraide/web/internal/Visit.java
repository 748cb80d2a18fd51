package org.entraide.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request to a brand's pages: who is signed in, the language, and the anti-forgery token of its forms.
 *
 * <p>The session cookie holds the member's API bearer token (expiring and revocable on the server), scoped to the
 * brand's path since accounts belong to one brand; HttpOnly so that no script reads it, SameSite=Lax so that
 * other sites' forms do not carry it, Secure whenever the request came over HTTPS.
 *
 * <p>Forms carry a token the server checks on every POST: for a member, a hash of their session token (a
 * forger can read neither); before sign-in, a random value also kept in a Strict cookie (double submit). A
 * POST whose {@code Origin} is another site is refused as well.
 */
final class Visit {
    static final String SESSION = "entraide_session";
    static final String ANONYMOUS = "entraide_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    final WebRequest request;
    final Locale locale;
    final String slug;
    private final Member member;
    private final List<String> cookies = new ArrayList<>();
    private final ApiClient api;
    private String csrf;
    private Set<String> features;

    private Visit(WebRequest request, Locale locale, String slug, Member member, ApiClient api) {
        this.request = request;
        this.locale = locale;
        this.slug = slug;
        this.member = member;
        this.api = api;
    }

    /** The visit of a brand's page; an expired or revoked session is dropped, and its cookie cleared. */
    static Visit of(WebRequest request, Locale locale, String slug, ApiClient api) {
        String token = slug == null ? null : request.cookies().get(SESSION);
        Member member = null;
        boolean stale = false;
        if (token != null && token.matches("[A-Za-z0-9_.~-]{16,200}")) {
            JsonNode me = api.optional("/brands/" + slug + "/me", token);
            if (me != null) {
                Set<String> roles = new HashSet<>();
                me.path("roles").forEach(r -> roles.add(r.asText()));
                member = new Member(token, me.path("id").asLong(), me.path("pseudonym").asText(), Set.copyOf(roles));
            } else {
                stale = true;
            }
        } else if (token != null) {
            stale = true;
        }
        Visit v = new Visit(request, locale, slug, member, api);
        if (stale) {
            v.cookies.add(v.sessionCookie("", Duration.ZERO));
        }
        return v;
    }

    /** The capabilities installed and enabled for the brand, read once per request. */
    Set<String> features() {
        if (features == null) {
            Set<String> on = new HashSet<>();
            JsonNode list = api.optional("/brands/" + slug + "/features", null);
            if (list != null) {
                list.path("items").forEach(f -> {
                    if (f.path("enabled").asBoolean()) {
                        on.add(f.path("name").asText());
                    }
                });
            }
            features = Set.copyOf(on);
        }
        return features;
    }

    /** The signed-in member's unread notifications, for the bell on every page; 0 when unknown. */
    long unreadNotifications() {
        JsonNode count = member == null ? null : api.optional("/brands/" + slug + "/me/notifications/count", member.token());
        return count == null ? 0 : count.path("unread").asLong();
    }

    /**
     * The signed-in member's private messages not read yet in their complaints' threads (as complainant and as the
     * manager a complaint is assigned to), for the header of every page: one call, one indexed query on the API's
     * side; null when unknown. Never asked for a visitor, and never kept: pages with a member are not cached.
     */
    JsonNode unreadMessages() {
        return member == null ? null : api.optional("/brands/" + slug + "/me/unread-messages", member.token());
    }

    Member member() {
        return member;
    }

    boolean signedIn() {
        return member != null;
    }

    String token() {
        return member == null ? null : member.token();
    }

    /** The token this visit's forms carry. */
    String csrf() {
        if (csrf == null) {
            if (member != null) {
                csrf = hash(member.token());
            } else {
                String existing = request.cookies().get(ANONYMOUS);
                csrf = existing != null && existing.matches("[A-Za-z0-9_-]{32,64}") ? existing : newAnonymousToken();
            }
        }
        return csrf;
    }

    /** Whether this POST came from one of our forms. */
    boolean genuinePost() {
        if (!request.sameOrigin()) {
            return false;
        }
        String sent = request.field("csrf");
        String expected = member != null ? hash(member.token()) : request.cookies().get(ANONYMOUS);
        return expected != null && !sent.isEmpty()
            && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in: the session cookie lives as long as the API token. */
    void signIn(String token, Instant expiresAt) {
        cookies.add(sessionCookie(token, Duration.between(Instant.now(), expiresAt)));
    }

    void signOut() {
        cookies.add(sessionCookie("", Duration.ZERO));
    }

    List<String> cookies() {
        return List.copyOf(cookies);
    }

    /** Applies this visit's cookies to a reply; a reply to a visitor with no member and no form token is anonymous. */
    WebReply reply(WebReply reply) {
        cookies.forEach(reply::cookie);
        if (member == null && csrf == null && cookies.isEmpty()) {
            reply.anonymous();
        }
        return reply;
    }

    String base() {
        return "/b/" + slug;
    }

    private String sessionCookie(String value, Duration maxAge) {
        return SESSION + "=" + value + "; Path=/b/" + slug + "; Max-Age=" + Math.max(0, maxAge.toSeconds())
            + "; HttpOnly; SameSite=Lax" + (request.secure() ? "; Secure" : "");
    }

    private String newAnonymousToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        cookies.add(ANONYMOUS + "=" + token + "; Path=/b/" + slug + "; Max-Age=7200; HttpOnly; SameSite=Strict"
            + (request.secure() ? "; Secure" : ""));
        return token;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("entraide-form|" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
