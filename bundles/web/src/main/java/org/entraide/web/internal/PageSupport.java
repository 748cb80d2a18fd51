package org.entraide.web.internal;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What page and form handlers share: the API, the templates, and the replies every one of them may give. */
abstract class PageSupport {
    final ApiClient api;
    final Templates templates;

    PageSupport(ApiClient api, Templates templates) {
        this.api = api;
        this.templates = templates;
    }

    /** A brand's page: the model of every page plus {@code extra}. */
    WebReply render(Visit visit, JsonNode brand, int status, String template, Map<String, Object> extra) {
        Map<String, Object> model = Models.base(brand, visit);
        model.putAll(extra);
        return WebReply.of(templates.page(status, template, visit.locale, model));
    }

    /** A page that only says something (a refused form, a missing permission), from the messages' {@code key}. */
    WebReply message(Visit visit, JsonNode brand, int status, String key) {
        return render(visit, brand, status, "message", Map.of("messageKey", key));
    }

    /** Nothing here; when the visit's brand exists, the page keeps its header and navigation. */
    WebReply notFound(Visit visit) {
        JsonNode brand = visit.slug == null ? null : api.get(brandPath(visit));
        if (brand != null) {
            return render(visit, brand, 404, "not-found", new HashMap<>());
        }
        return WebReply.of(templates.page(404, "not-found", visit.locale, new HashMap<>()));
    }

    /** The API path of the visit's brand. */
    static String brandPath(Visit visit) {
        return "/brands/" + visit.slug;
    }

    /** How deep the API's page numbers reach (page × size), as its lists answer a 400 beyond. */
    static final int MAX_DEPTH = 10_000;

    /**
     * The {@code page} query parameter of a paged list of 20 per page, from 1 to 500 (the API's depth); 1 when absent
     * or not a number.
     */
    static int pageNumber(Visit visit) {
        return pageNumber(visit, 20);
    }

    /** The same, for a list of {@code size} per page: at most {@link #MAX_DEPTH} / size. */
    static int pageNumber(Visit visit, int size) {
        String raw = visit.request.param("page");
        Long asked = number(raw == null ? "" : raw.strip());
        return asked == null ? 1 : (int) Math.max(1, Math.min(asked, MAX_DEPTH / size));
    }

    /** A form field as a number, or null when it is not one. */
    static Long number(String s) {
        try {
            return s.isEmpty() ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A JSON object typed in a form, or null when the text is not one. */
    static JsonNode jsonObject(String text) {
        try {
            JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** The API's first field error as "field: message", or its refusal when it named no field. */
    static String firstError(ApiClient.Answer a, Visit visit) {
        JsonNode errors = a.body().path("errors");
        return errors.isEmpty() ? PostForms.refusal(a, visit)
            : errors.get(0).path("field").asText() + ": " + errors.get(0).path("message").asText();
    }
}
