package org.entraide.web.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public page of an incident (incidents capability): its official statement and updates as a timeline, the
 * stores it affects, and how many questions and complaints it grouped, by store and day. It names no member.
 */
final class IncidentPages extends PageSupport {
    IncidentPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /**
     * The incidents a page pins, with their latest statement ({@code post=<id>} or {@code store=<code>}): none when the
     * brand has incidents off.
     */
    static java.util.List<Map<String, Object>> pinned(ApiClient api, Visit visit, String query) {
        if (!visit.features().contains(IncidentConsole.CAPABILITY)) {
            // not asked at all: with the plugin not installed, the call went over loopback HTTP to a 404, the
            // slowest part of every question page
            return java.util.List.of();
        }
        return Models.list(api.optional(brandPath(visit) + "/incidents?status=open&" + query, null), visit);
    }

    WebReply page(Visit visit, JsonNode brand, Matcher path) {
        JsonNode incident = api.optional(brandPath(visit) + "/incidents/" + path.group(2), null);
        if (incident == null) {
            return notFound(visit); // unknown, another brand's, or incidents off for this brand
        }
        Map<String, Object> model = new HashMap<>();
        model.put("incident", Models.plain(incident, visit));
        model.put("canonical", visit.base() + "/incidents/" + incident.path("id").asLong());
        Member me = visit.member();
        model.put("staffLink", me != null && (me.has("BRAND_ADMIN") || !IncidentConsole.regionsOf(api, visit).isEmpty()));
        return render(visit, brand, 200, "incident", model);
    }
}
