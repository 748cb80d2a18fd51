package org.entraide.web.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public list of complaints ({@code /complaints?store=&city=&status=&period=&page=}), paged. It shows what the
 * API's public list gives and never a complainant: not even the pseudonym some chose to show, which their
 * complaint's own page shows.
 */
final class ComplaintList extends PageSupport {
    static final List<String> STATUSES = List.of("OPEN", "ANSWERED", "RESOLVED", "UNRESOLVED");
    static final List<String> PERIODS = List.of("30d", "6m", "12m");
    private static final Pattern STORE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    ComplaintList(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply list(Visit visit, JsonNode brand, Matcher path) {
        Map<String, String> filters = new LinkedHashMap<>();
        String store = visit.request.param("store");
        if (store != null && STORE.matcher(store).matches()) {
            filters.put("store", store);
        }
        String city = visit.request.param("city");
        if (city != null && !city.isBlank() && city.strip().length() <= 100) {
            filters.put("city", city.strip());
        }
        String status = visit.request.param("status");
        if (status != null && STATUSES.contains(status)) {
            filters.put("status", status);
        }
        String period = visit.request.param("period");
        if (period != null && PERIODS.contains(period)) {
            filters.put("period", period);
        }
        // regions are the local managers' (their API names each region's stores); without them, no such filter
        List<Map<String, Object>> regions = visit.features().contains("local-managers")
            ? Models.list(api.optional(brandPath(visit) + "/regions", null), visit) : List.of();
        String region = visit.request.param("region");
        Map<String, Object> chosen = regions.stream().filter(r -> r.get("code").equals(region)).findFirst().orElse(null);
        if (chosen != null) {
            filters.put("region", region);
        }
        String query = BrowsePages.query(filters);
        int page = pageNumber(visit);
        JsonNode list = api.get(brandPath(visit) + "/complaints?" + apiQuery(filters, chosen) + "page=" + page);
        if (page > 1 && list.path("items").isEmpty()) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("complaints", Models.list(list, visit));
        model.put("total", list.path("total").asLong());
        model.put("filters", filters);
        model.put("statuses", STATUSES);
        model.put("periods", PERIODS);
        model.put("regions", regions);
        BrowsePages.paged(model, list, visit.base() + "/complaints" + (query.isEmpty() ? "" : "?" + query), page);
        return render(visit, brand, 200, "complaints", model);
    }

    /** The API's filters for the page's: a period becomes its first day, a region its stores' codes. */
    static String apiQuery(Map<String, String> filters, Map<String, Object> region) {
        Map<String, String> api = new LinkedHashMap<>(filters);
        api.remove("region");
        if (region != null && region.get("stores") instanceof List<?> codes) {
            // a region without stores has no complaints: a code no store has says so
            api.put("stores", codes.isEmpty() ? "-" : String.join(",", codes.stream().map(String::valueOf).toList()));
        }
        String period = api.remove("period");
        if (period != null) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate since = switch (period) {
                case "30d" -> today.minusDays(30);
                case "6m" -> today.minusMonths(6);
                default -> today.minusMonths(12);
            };
            api.put("since", since.toString());
        }
        String q = BrowsePages.query(api);
        return q.isEmpty() ? "" : q + "&";
    }
}
