package org.entraide.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/** The public ranking of the brand's stores and each store's page (local managers' capability). */
final class RankingPages extends PageSupport {
    private static final List<String> PERIODS = List.of("30d", "6m", "12m");

    RankingPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply ranking(Visit visit, JsonNode brand, Matcher path) {
        String period = period(visit);
        JsonNode stores = api.optional(brandPath(visit) + "/rankings/stores?period=" + period, null);
        JsonNode whole = api.optional(brandPath(visit) + "/rankings/brand?period=" + period, null);
        if (stores == null || whole == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("period", period);
        model.put("periods", PERIODS);
        model.put("stores", Models.list(stores.path("items"), visit));
        model.put("whole", Models.plain(whole.path("brand"), visit));
        model.put("formula", Models.plain(stores.path("formula"), visit));
        model.put("canonical", visit.base() + "/rankings");
        return render(visit, brand, 200, "ranking", model);
    }

    WebReply store(Visit visit, JsonNode brand, Matcher path) {
        String code = path.group(2);
        JsonNode store = find(api, visit, code);
        if (store == null) {
            return notFound(visit);
        }
        String period = period(visit);
        Map<String, Object> model = new HashMap<>();
        model.put("store", Models.plain(store, visit));
        model.put("feed", new BrowsePages(api, templates).feed(visit, "/stores/" + code, "feed.store", store.path("name").asText()));
        model.put("period", period);
        model.put("periods", PERIODS);
        JsonNode ranking = api.optional(brandPath(visit) + "/rankings/stores?period=" + period, null);
        if (ranking != null) {
            for (JsonNode s : ranking.path("items")) {
                if (s.path("storeCode").asText().equals(code)) {
                    model.put("figures", Models.plain(s, visit));
                }
            }
        }
        // the store's complaints, paged, counted by the same public list as /complaints?store=
        int page = pageNumber(visit);
        JsonNode complaints = api.get(brandPath(visit) + "/complaints?store=" + Site.urlEncode(code) + "&page=" + page);
        if (page > 1 && complaints.path("items").isEmpty()) {
            return notFound(visit);
        }
        model.put("complaints", Models.list(complaints, visit));
        model.put("complaintTotal", complaints.path("total").asLong());
        model.put("questions", Models.list(api.get(brandPath(visit) + "/questions?size=10&store=" + Site.urlEncode(code)), visit));
        // thanks to the team, beside the complaints, when the brand has the channels capability
        JsonNode thanks = api.optional(brandPath(visit) + "/stores/" + Site.urlEncode(code) + "/thanks", visit.token());
        if (thanks != null) {
            model.put("thanks", Models.plain(thanks, visit));
        }
        String self = visit.base() + "/stores/" + code + (visit.request.param("period") == null ? "" : "?period=" + period);
        BrowsePages.paged(model, complaints, self, page);
        model.put("incidents", IncidentPages.pinned(api, visit, "store=" + Site.urlEncode(code)));
        return render(visit, brand, 200, "store", model);
    }

    /** The store of that code, or null. */
    static JsonNode find(ApiClient api, Visit visit, String code) {
        JsonNode found = api.get(brandPath(visit) + "/stores?size=20&q=" + Site.urlEncode(code));
        for (JsonNode s : found == null ? List.<JsonNode>of() : found.path("items")) {
            if (s.path("code").asText().equals(code)) {
                return s;
            }
        }
        return null;
    }

    private static String period(Visit visit) {
        String p = visit.request.param("period");
        return p != null && PERIODS.contains(p) ? p : "12m";
    }
}
