package org.entraide.web.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages of the channels capability: a store's feedback page (where its QR code leads: thank the team, or file
 * a complaint about the store), its printable poster, and the widget page a brand's own site frames.
 */
final class ChannelPages extends PageSupport {
    /** The widget's own policy: the general one, except who may frame it (the brand's listed origins). */
    private static final String EMBED_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ";

    ChannelPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply feedback(Visit visit, JsonNode brand, Matcher path) {
        return feedbackPage(visit, brand, path.group(2), 200, null, "1".equals(visit.request.param("thanked")));
    }

    /** Thanks from a visitor or a member: the API limits how often, by member or by the visitor's address. */
    WebReply thank(Visit visit, JsonNode brand, Matcher path) {
        String code = path.group(2);
        String message = visit.request.field("message");
        String source = "qr".equals(visit.request.field("source")) ? "qr" : "form";
        Map<String, Object> body = new HashMap<>();
        body.put("source", source);
        if (message != null && !message.isBlank()) {
            body.put("message", message);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/stores/" + Site.urlEncode(code) + "/thanks", visit.token(), body);
        if (a.status() == 201) {
            return WebReply.seeOther(visit.base() + "/stores/" + code + "/feedback?thanked=1");
        }
        if (a.status() == 404) {
            return notFound(visit);
        }
        if (a.status() == 429) {
            return message(visit, brand, 429, "thanks.tooMany");
        }
        return feedbackPage(visit, brand, code, 400, firstError(a, visit), false);
    }

    WebReply poster(Visit visit, JsonNode brand, Matcher path) {
        String code = path.group(2);
        JsonNode store = RankingPages.find(api, visit, code);
        if (store == null || thanks(visit, code) == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("store", Models.plain(store, visit));
        model.put("feedbackUrl", visit.request.publicBase() + visit.base() + "/stores/" + code + "/feedback");
        return render(visit, brand, 200, "poster", model);
    }

    /**
     * The widget: search the community, ask, or pick a store (by name, city or position) to complain about or to
     * thank. Links open the community in a new tab, where the visitor signs in first-party. Only the brand's listed
     * origins may frame it; with none listed, no site may.
     */
    WebReply embed(Visit visit, JsonNode brand, Matcher path) {
        JsonNode settings = api.optional(brandPath(visit) + "/channels/embed", null);
        if (settings == null) {
            return notFound(visit);
        }
        StringBuilder ancestors = new StringBuilder();
        for (JsonNode origin : settings.path("embedOrigins")) {
            // checked by the API when saved: scheme, host and port only
            if (origin.asText().matches("https?://[a-z0-9.-]+(:[0-9]{1,5})?")) {
                ancestors.append(ancestors.isEmpty() ? "" : " ").append(origin.asText());
            }
        }
        Map<String, Object> model = new HashMap<>();
        ComplaintPages.storeSearch(api, visit, model);
        return render(visit, brand, 200, "embed", model)
            .header("Content-Security-Policy", EMBED_CSP + (ancestors.isEmpty() ? "'none'" : ancestors.toString()));
    }

    private WebReply feedbackPage(Visit visit, JsonNode brand, String code, int status, String error, boolean thanked) {
        JsonNode store = RankingPages.find(api, visit, code);
        if (store == null || thanks(visit, code) == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("store", Models.plain(store, visit));
        model.put("csrf", visit.csrf());
        model.put("thanked", thanked);
        model.put("source", "qr".equals(visit.request.param("from")) ? "qr" : "form");
        if (error != null) {
            model.put("error", error);
            model.put("message", visit.request.field("message") == null ? "" : visit.request.field("message"));
        }
        return render(visit, brand, status, "store-feedback", model);
    }

    /** The store's thanks figures, or null when the brand has not enabled channels. */
    private JsonNode thanks(Visit visit, String code) {
        return api.optional(brandPath(visit) + "/stores/" + Site.urlEncode(code) + "/thanks", null);
    }

    /** The page an e-mail's confirmation link opens: a button, so that a link checker opening it files nothing. */
    WebReply intakeForm(Visit visit, JsonNode brand, Matcher path) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", path.group(2));
        model.put("csrf", visit.csrf());
        return render(visit, brand, 200, "intake", model);
    }

    /** The sender confirms: their message becomes their complaint about the store. */
    WebReply intake(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/channels/intake/" + path.group(2), null, Map.of());
        if (a.status() == 404) {
            return message(visit, brand, 404, "intake.expired");
        }
        if (a.status() >= 400) {
            return message(visit, brand, a.status(), "intake.refused");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("result", Models.plain(a.body(), visit));
        return render(visit, brand, 200, "intake", model);
    }
}
