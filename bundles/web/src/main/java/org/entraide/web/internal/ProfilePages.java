package org.entraide.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Members' profiles (with their reputation and its history, and their badges, when those capabilities are on)
 * and the leaderboards of the reputation capability.
 */
final class ProfilePages extends PageSupport {
    private static final List<String> PERIODS = List.of("all", "month", "week");

    ProfilePages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply profile(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        JsonNode profile = api.get(brandPath(visit) + "/users/" + id);
        if (profile == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("profile", Models.plain(profile, visit));
        JsonNode reputation = api.optional(brandPath(visit) + "/users/" + id + "/reputation?size=20", null);
        if (reputation != null) {
            Map<String, Object> r = Models.plain(reputation, visit);
            List<Map<String, Object>> history = Models.list(reputation.path("history"), visit);
            for (Map<String, Object> h : history) {
                h.put("reasonKey", "reputation.reason." + h.get("reason"));
            }
            r.put("history", history);
            model.put("reputation", r);
            if (visit.signedIn() && visit.member().id() == id) {
                // what concerns the member's complaints: shown to them alone, never on anyone else's view of the page
                JsonNode mine = api.optional(brandPath(visit) + "/users/" + id + "/reputation/private?size=20", visit.token());
                List<Map<String, Object>> privately = Models.list(mine, visit);
                privately.forEach(h -> h.put("reasonKey", "reputation.private." + h.get("reason")));
                model.put("privateHistory", privately);
            }
        }
        JsonNode badges = api.optional(brandPath(visit) + "/users/" + id + "/badges?size=100", null);
        if (badges != null) {
            // the page lists the badges held first, then those taken back (with revokedAt): the profile shows the first
            List<Map<String, Object>> held = new java.util.ArrayList<>(Models.list(badges, visit));
            held.removeIf(b -> b.containsKey("revokedAt"));
            String lang = visit.locale.getLanguage();
            for (Map<String, Object> b : held) {
                if (b.get("name") instanceof Map<?, ?> name) {
                    b.put("nameText", name.get(lang) != null ? name.get(lang) : name.get("en"));
                }
            }
            model.put("badges", held);
        }
        model.put("canonical", visit.base() + "/users/" + id);
        return render(visit, brand, 200, "profile", model);
    }

    WebReply leaderboard(Visit visit, JsonNode brand, Matcher path) {
        String p = visit.request.param("period");
        String period = p != null && PERIODS.contains(p) ? p : "all";
        JsonNode board = api.optional(brandPath(visit) + "/leaderboard?size=50&period=" + period
            + (visit.signedIn() ? "&around=2" : ""), visit.token());
        if (board == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("period", period);
        model.put("periods", PERIODS);
        model.put("top", Models.list(board, visit));
        JsonNode member = board.path("member");
        if (member.isObject()) {
            List<Map<String, Object>> around = new java.util.ArrayList<>(Models.list(member.path("above"), visit));
            around.add(Map.of("rank", member.path("rank").asLong(), "userId", member.path("userId").asLong(),
                "pseudonym", member.path("pseudonym").asText(), "points", member.path("points").asInt(), "me", true));
            around.addAll(Models.list(member.path("below"), visit));
            model.put("around", around);
        }
        model.put("canonical", visit.base() + "/leaderboard");
        return render(visit, brand, 200, "leaderboard", model);
    }
}
