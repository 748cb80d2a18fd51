package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A member's notifications (the bell's page), their preferences, following a question, and the one-click
 * unsubscribe page of e-mails (notifications capability). Every read and change goes through the API.
 */
final class NotificationPages extends PageSupport {
    private static final int SIZE = 20;
    private static final List<String> CHANNELS = List.of("off", "app", "email", "daily", "weekly");
    private static final List<String> LEVELS = List.of("watching", "tracking", "muted");

    NotificationPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /**
     * The member's notifications, newest first: the first pages by number, then "Older" follows the API's cursor
     * ({@code after=}), which reaches any depth at the cost of one index range. A cursor that is not the API's (an
     * address altered by hand) answers 400 with a page that says so. Each notification's link carries its page, so that
     * opening it finds it however deep it is.
     */
    WebReply list(Visit visit, JsonNode brand, Matcher path) {
        String after = visit.request.param("after");
        boolean byCursor = after != null && !after.isBlank();
        int page = byCursor ? 0 : pageNumber(visit, SIZE);
        boolean unreadOnly = "1".equals(visit.request.param("unread"));
        ApiClient.Answer a = api.call("GET", brandPath(visit) + "/me/notifications?size=" + SIZE
            + (byCursor ? "&after=" + Site.urlEncode(after) : "&page=" + page)
            + "&unread=" + unreadOnly + "&lang=" + visit.locale.getLanguage(), visit.token(), null);
        if (byCursor && a.status() == 400) {
            return message(visit, brand, 400, "notifications.badCursor");
        }
        if (a.status() >= 400) {
            return notFound(visit);
        }
        JsonNode found = a.body();
        Map<String, Object> model = new HashMap<>();
        model.put("items", Models.list(found, visit));
        model.put("page", page);
        model.put("unreadOnly", unreadOnly);
        model.put("next", found.path("next").isTextual() ? found.path("next").asText() : "");
        model.put("hasPrev", page > 1);
        model.put("byCursor", byCursor);
        model.put("pageQuery", byCursor ? "after=" + Site.urlEncode(after) : "page=" + page);
        model.put("done", visit.request.param("done") == null ? "" : visit.request.param("done").replaceAll("[^a-z-]", ""));
        return render(visit, brand, 200, "notifications", model);
    }

    /**
     * Marks the notification read and goes to what it is about, read from the page of the list it was shown on (its
     * link's {@code after} or {@code page}, the first page without them).
     */
    WebReply open(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String after = visit.request.param("after");
        String page = after != null && !after.isBlank() ? "&after=" + Site.urlEncode(after) : "&page=" + pageNumber(visit, SIZE);
        JsonNode found = api.optional(brandPath(visit) + "/me/notifications?size=" + SIZE + page + "&unread="
            + "1".equals(visit.request.param("unread")) + "&lang=" + visit.locale.getLanguage(), visit.token());
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/me/notifications/" + id + "/read", visit.token(), Map.of());
        if (a.status() >= 400) {
            return notFound(visit);
        }
        String link = null;
        for (JsonNode n : found == null ? List.<JsonNode>of() : found.path("items")) {
            if (n.path("id").asLong() == id) {
                link = n.path("link").asText(null);
            }
        }
        // only a path of this brand's site: never an address elsewhere
        return WebReply.seeOther(link != null && link.startsWith(visit.base() + "/") ? link : visit.base() + "/me/notifications");
    }

    WebReply readAll(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/me/notifications/read-all", visit.token(), Map.of());
        if (a.status() >= 400) {
            return notFound(visit);
        }
        return WebReply.seeOther(visit.base() + "/me/notifications?done=read");
    }

    WebReply preferences(Visit visit, JsonNode brand, Matcher path) {
        JsonNode prefs = api.optional(brandPath(visit) + "/me/notification-preferences", visit.token());
        JsonNode follows = api.optional(brandPath(visit) + "/me/follows", visit.token());
        if (prefs == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("prefs", Models.plain(prefs, visit));
        model.put("follows", Models.list(follows, visit));
        model.put("channels", CHANNELS);
        model.put("levels", LEVELS);
        model.put("done", "1".equals(visit.request.param("saved")));
        model.put("refusal", "");
        return render(visit, brand, 200, "notification-preferences", model);
    }

    WebReply savePreferences(Visit visit, JsonNode brand, Matcher path) {
        Map<String, Object> body = new HashMap<>();
        String language = visit.request.field("language");
        if (!language.isEmpty()) {
            body.put("language", language);
        }
        List<Map<String, String>> kinds = new ArrayList<>();
        visit.request.form().forEach((name, value) -> {
            if (name.startsWith("kind.")) {
                kinds.add(Map.of("kind", name.substring(5), "channel", value));
            }
        });
        body.put("kinds", kinds);
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/me/notification-preferences", visit.token(), body);
        if (a.status() >= 400) {
            return message(visit, brand, a.status() == 404 ? 404 : 400, "notifications.refused");
        }
        return WebReply.seeOther(visit.base() + "/me/notifications/preferences?saved=1");
    }

    /** Follows, tracks or mutes a question from its page, or stops following it. */
    WebReply follow(Visit visit, JsonNode brand, Matcher path) {
        String id = path.group(2);
        String level = visit.request.field("level");
        ApiClient.Answer a;
        if (LEVELS.contains(level)) {
            a = api.call("PUT", brandPath(visit) + "/me/follows", visit.token(),
                Map.of("targetType", "question", "targetKey", id, "level", level));
        } else {
            a = api.call("DELETE", brandPath(visit) + "/me/follows?targetType=question&targetKey=" + id, visit.token(), null);
        }
        if (a.status() >= 400) {
            return message(visit, brand, a.status() == 404 ? 404 : 400, "notifications.refused");
        }
        return WebReply.seeOther(visit.base() + "/questions/" + id + "?followed=" + (LEVELS.contains(level) ? level : "none"));
    }

    /** What the e-mail's unsubscribe link would turn off; nothing changes until the visitor confirms. */
    WebReply unsubscribeForm(Visit visit, JsonNode brand, Matcher path) {
        String token = visit.request.param("token");
        JsonNode what = token == null ? null
            : api.optional(brandPath(visit) + "/notifications/unsubscribe?token=" + Site.urlEncode(token), null);
        if (what == null) {
            return message(visit, brand, 400, "unsubscribe.invalid");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("kind", what.path("kind").asText());
        model.put("token", token);
        model.put("csrf", visit.csrf());
        model.put("done", false);
        return render(visit, brand, 200, "unsubscribe", model);
    }

    WebReply unsubscribe(Visit visit, JsonNode brand, Matcher path) {
        String token = visit.request.field("token");
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/notifications/unsubscribe?token=" + Site.urlEncode(token), null, Map.of());
        if (a.status() >= 400) {
            return message(visit, brand, 400, "unsubscribe.invalid");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("kind", a.body().path("kind").asText());
        model.put("token", "");
        model.put("done", true);
        return render(visit, brand, 200, "unsubscribe", model);
    }

    /**
     * How the signed-in member follows a target ("none" when they do not), or empty when notifications are off for
     * the brand or nobody is signed in.
     */
    /**
     * Tells the notifications plugin that the signed-in member has this question's or complaint's page in front of
     * them, so that what happens on it now is not also e-mailed to them. Best effort: a page never fails for it.
     */
    static void viewing(ApiClient api, Visit visit, String threadType, long threadId) {
        if (!visit.signedIn() || !visit.features().contains("notifications")) {
            return;
        }
        try {
            api.call("POST", brandPath(visit) + "/me/notifications/viewing", visit.token(),
                java.util.Map.of("threadType", threadType, "threadId", threadId));
        } catch (RuntimeException e) {
            // the page matters more than the e-mail it may save
        }
    }

    static java.util.Optional<String> following(ApiClient api, Visit visit, String type, String key) {
        if (!visit.signedIn() || !visit.features().contains("notifications")) {
            return java.util.Optional.empty();
        }
        JsonNode follows = api.optional(brandPath(visit) + "/me/follows", visit.token());
        if (follows == null) {
            return java.util.Optional.empty();
        }
        for (JsonNode f : follows.path("items")) {
            if (type.equals(f.path("targetType").asText()) && key.equals(f.path("targetKey").asText())) {
                return java.util.Optional.of(f.path("level").asText());
            }
        }
        return java.util.Optional.of("none");
    }
}
