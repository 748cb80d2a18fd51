package org.entraide.web.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The API's JSON as template models, with dates formatted for the reader. */
final class Models {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Models() {
    }

    /** What every page of a brand shows: the brand, who is signed in, the form token, the current path. */
    static Map<String, Object> base(JsonNode brand, Visit visit) {
        Map<String, Object> model = new HashMap<>();
        model.put("brand", Map.of("slug", brand.path("slug").asText(), "name", brand.path("name").asText()));
        Member m = visit.member();
        if (m != null) {
            model.put("me", Map.of("id", m.id(), "pseudonym", m.pseudonym(), "staff", m.staff(),
                "manager", m.has("STORE_MANAGER"), "moderator", m.has("MODERATOR"), "admin", m.has("BRAND_ADMIN")));
        }
        if (m != null) {
            // visitors get a form token (and its cookie) only on the sign-in and registration forms
            model.put("csrf", visit.csrf());
            model.put("moderationOn", visit.features().contains("moderation"));
            // the central team's link; a region's manager finds the console from their inbox and the rise alerts
            model.put("incidentsConsole", m.has("BRAND_ADMIN") && visit.features().contains(IncidentConsole.CAPABILITY));
            if (visit.features().contains("notifications")) {
                model.put("unread", visit.unreadNotifications());
            }
            if (visit.features().contains("local-managers")) {
                unreadMessages(model, visit);
            }
        }
        model.put("here", visit.request.path());
        model.put("publicBase", visit.request.publicBase());
        return model;
    }

    /**
     * The header's total of unread private messages, when there is one, with where to read them: the inbox when some
     * are in complaints the member handles as a store's or a region's manager, else the central team's dashboard when
     * some are in complaints the member reads as the central team, else the member's own complaints.
     */
    private static void unreadMessages(Map<String, Object> model, Visit visit) {
        JsonNode unread = visit.unreadMessages();
        long total = unread == null ? 0 : unread.path("total").asLong();
        if (total > 0) {
            long central = unread.path("asCentralTeam").asLong();
            String link = visit.base() + (unread.path("asManager").asLong() > central ? "/manager"
                : central > 0 ? "/admin/dashboard" : "/me/complaints");
            model.put("unreadMessages", Map.of("total", total, "link", link));
        }
    }

    static List<Map<String, Object>> list(JsonNode page, Visit visit) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (page != null) {
            for (JsonNode item : page.isArray() ? page : page.path("items")) {
                out.add(plain(item, visit));
            }
        }
        return out;
    }

    /** The JSON as plain maps and lists, as it is (pages outside a brand: the instance console). */
    static Object json(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    /** The JSON as plain maps, with every {@code ...At} instant also formatted for the reader's locale. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(JsonNode node, Visit visit) {
        Map<String, Object> map = JSON.convertValue(node, Map.class);
        formatDates(map, visit);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void formatDates(Object value, Visit visit) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> texts = new HashMap<>();
            for (var e : map.entrySet()) {
                if (e.getKey() instanceof String key && textKey(key) != null && e.getValue() instanceof String s) {
                    try {
                        texts.put(textKey(key), date(Instant.parse(s), visit));
                    } catch (java.time.format.DateTimeParseException notAnInstant) {
                        // left as it is
                    }
                }
            }
            map.values().forEach(v -> formatDates(v, visit));
            ((Map<String, Object>) map).putAll(texts);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> formatDates(v, visit));
        }
    }

    /** Where an instant's text goes: {@code createdAt} → {@code createdText}, {@code at} → {@code atText},
     * {@code memberSince} → {@code memberSinceText}; null for other keys. */
    private static String textKey(String key) {
        if (key.equals("at") || key.endsWith("Since")) {
            return key + "Text";
        }
        return key.endsWith("At") ? key.substring(0, key.length() - 2) + "Text" : null;
    }

    static String date(Instant instant, Visit visit) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(visit.locale).withZone(ZoneOffset.UTC)
            .format(instant);
    }
}
