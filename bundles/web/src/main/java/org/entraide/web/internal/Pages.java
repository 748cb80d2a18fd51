package org.entraide.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Maps a path under {@code /b} to a page, fetches what it shows from the API and renders it. */
final class Pages {
    private static final Pattern HOME = Pattern.compile("/b/([a-z0-9-]{2,40})/?");
    private static final Pattern QUESTION = Pattern.compile("/b/([a-z0-9-]{2,40})/questions/([0-9]{1,18})(?:/[^/]*)?");
    private static final Pattern SITEMAP = Pattern.compile("/b/([a-z0-9-]{2,40})/sitemap\\.xml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;
    private final Templates templates;

    Pages(ApiClient api, Templates templates) {
        this.api = api;
        this.templates = templates;
    }

    /** {@code path} is the request URI's path, from the root. */
    Page render(String path, String query, Locale locale) {
        return render(path, query, locale, "");
    }

    /** {@code origin} ({@code scheme://host}) makes the sitemap's addresses absolute, as sitemaps require. */
    Page render(String path, String query, Locale locale, String origin) {
        Matcher m = HOME.matcher(path);
        if (m.matches()) {
            return home(m.group(1), param(query, "q"), locale);
        }
        m = QUESTION.matcher(path);
        if (m.matches()) {
            return question(m.group(1), Long.parseLong(m.group(2)), locale);
        }
        m = SITEMAP.matcher(path);
        if (m.matches()) {
            return sitemap(m.group(1), origin, locale);
        }
        return notFound(locale);
    }

    /** The brand's home and its most recent published questions (the API's largest page). */
    private Page sitemap(String slug, String origin, Locale locale) {
        if (api.get("/brands/" + slug) == null) {
            return notFound(locale);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<url><loc>").append(Xml.escape(origin + "/b/" + slug)).append("</loc></url>\n");
        JsonNode page = api.get("/brands/" + slug + "/questions?sort=active&size=100");
        for (JsonNode q : page == null ? JSON.createArrayNode() : page.path("items")) {
            xml.append("<url><loc>").append(Xml.escape(origin + "/b/" + slug + "/questions/" + q.path("id").asLong()))
                .append("</loc></url>\n");
        }
        return new Page(200, xml.append("</urlset>\n").toString(), "application/xml; charset=utf-8");
    }

    private Page home(String slug, String q, Locale locale) {
        JsonNode brand = api.get("/brands/" + slug);
        if (brand == null) {
            return notFound(locale);
        }
        Map<String, Object> model = base(brand, locale);
        String search = q == null || q.isBlank() ? "" : "&q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
        model.put("q", q == null ? "" : q.strip());
        model.put("topics", list(api.get("/brands/" + slug + "/topics"), locale));
        model.put("recent", list(api.get("/brands/" + slug + "/questions?sort=recent" + search), locale));
        model.put("unanswered", list(api.get("/brands/" + slug + "/questions?status=unanswered" + search), locale));
        model.put("resolved", list(api.get("/brands/" + slug + "/questions?status=accepted" + search), locale));
        model.put("canonical", "/b/" + slug);
        return new Page(200, templates.render("home", locale, model));
    }

    private Page question(String slug, long id, Locale locale) {
        JsonNode brand = api.get("/brands/" + slug);
        JsonNode question = brand == null ? null : api.get("/brands/" + slug + "/questions/" + id);
        if (question == null) {
            return notFound(locale);
        }
        Map<String, Object> model = base(brand, locale);
        Map<String, Object> q = plain(question, locale);
        model.put("question", q);
        model.put("canonical", "/b/" + slug + "/questions/" + id);
        model.put("jsonLd", QaPageMarkup.of(question, "/b/" + slug + "/questions/" + id));
        return new Page(200, templates.render("question", locale, model));
    }

    private Page notFound(Locale locale) {
        return new Page(404, templates.render("not-found", locale, new HashMap<>()));
    }

    private static Map<String, Object> base(JsonNode brand, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("brand", Map.of("slug", brand.path("slug").asText(), "name", brand.path("name").asText()));
        return model;
    }

    private static List<Map<String, Object>> list(JsonNode page, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (page != null) {
            for (JsonNode item : page.path("items")) {
                out.add(plain(item, locale));
            }
        }
        return out;
    }

    /** The JSON as plain maps, with every {@code createdAt} also formatted for the reader's locale. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode node, Locale locale) {
        Map<String, Object> map = JSON.convertValue(node, Map.class);
        formatDates(map, locale);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void formatDates(Object value, Locale locale) {
        if (value instanceof Map<?, ?> map) {
            Object created = map.get("createdAt");
            if (created instanceof String s) {
                ((Map<String, Object>) map).put("createdText", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(locale).withZone(ZoneOffset.UTC).format(Instant.parse(s)));
            }
            map.values().forEach(v -> formatDates(v, locale));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> formatDates(v, locale));
        }
    }

    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return kv.length == 2 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }
}
