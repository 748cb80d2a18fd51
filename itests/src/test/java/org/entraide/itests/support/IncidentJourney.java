package org.entraide.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;

/**
 * Crisis mode over HTTP against a running distribution with local managers, notifications and incidents installed: a
 * burst of complaints from as many new members, in the two stores of one region within minutes, is proposed by the
 * detection (no history: every earlier week counts 0), the central team and the region's manager are alerted, the
 * proposal is accepted as an incident of that region, its statement reaches each author in the product, and closing
 * it answers every complaint asking for an evaluation.
 */
public final class IncidentJourney {
    private static final String DEMO = "/api/v1/brands/demo";
    private static final String PASSWORD = "entraide-demo";
    private static final String REGION = "SUD-OUEST";
    private static final List<String> STORES = List.of("MARSEILLE-VALENTINE", "BORDEAUX-LAC");
    private static final String HOURS = "\"hours\":{\"MONDAY\":[\"09:00-19:00\"],\"TUESDAY\":[\"09:00-19:00\"],"
        + "\"WEDNESDAY\":[\"09:00-19:00\"],\"THURSDAY\":[\"09:00-19:00\"],\"FRIDAY\":[\"09:00-19:00\"],\"SATURDAY\":[\"09:00-19:00\"]}";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final ApiClient api;

    public IncidentJourney(ApiClient api) {
        this.api = api;
    }

    public void run(int authors) {
        String admin = api.login("demo", "admin@demo.example", PASSWORD);
        Awaitility.await("the capabilities").atMost(Duration.ofSeconds(60)).until(() -> {
            String listed = api.get(DEMO + "/features", null).raw.body();
            return listed.contains("\"local-managers\"") && listed.contains("\"notifications\"") && listed.contains("\"incidents\"");
        });
        ApiClient.Response on = api.put(DEMO + "/features", admin, "{\"local-managers\":true,\"notifications\":true,\"incidents\":true}");
        assertEquals(on.toString(), 200, on.status());
        Awaitility.await("the incidents' routes").atMost(Duration.ofSeconds(60))
            .until(() -> api.get(DEMO + "/incidents", null).status() == 200);
        // new members file complaints before verifying their address, as the brand allows here
        ApiClient.Response policy = api.put(DEMO + "/account-policy", admin, "{\"unverifiedMayAsk\":true,\"unverifiedMayComplain\":true}");
        assertEquals(policy.toString(), 200, policy.status());
        String regional = member("region-" + suffix());
        long regionalId = api.get(DEMO + "/me", regional).json.get("id").asLong();
        assertEquals(200, api.put(DEMO + "/regions/" + REGION, admin, "{\"name\":\"Sud-Ouest\",\"managers\":[" + regionalId + "]}")
            .status());
        for (String store : STORES) {
            ApiClient.Response settings = api.put(DEMO + "/stores/" + store + "/settings", admin,
                "{\"timeZone\":\"Europe/Paris\"," + HOURS + ",\"region\":\"" + REGION + "\"}");
            assertEquals(settings.toString(), 200, settings.status());
        }

        Map<Long, String> complaints = burst(authors);
        Set<Long> ids = complaints.keySet();
        List<JsonNode> proposals = new ArrayList<>();
        Awaitility.await("the region's rise proposed").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            proposals.clear();
            for (JsonNode p : api.get(DEMO + "/incident-proposals?size=50", admin).json.get("items")) {
                if (p.get("scope").asText().equals("region:" + REGION) && posts(p).stream().anyMatch(ids::contains)) {
                    proposals.add(p);
                }
            }
            // the burst may straddle two hours: each hour's rise is its own proposal
            return proposals.stream().mapToInt(p -> posts(p).size()).sum() >= authors - 4;
        });
        Awaitility.await("the central team and the region's manager alerted").atMost(WAIT).until(() ->
            notifications(admin).contains("\"kind\":\"incident.rise\"") && notifications(regional).contains("\"kind\":\"incident.rise\""));

        long proposal = proposals.get(0).get("id").asLong();
        ApiClient.Response declared = api.post(DEMO + "/incidents", admin, "{\"title\":\"Terminaux de paiement en panne\","
            + "\"theme\":[\"terminal de paiement\"],\"regions\":[\"" + REGION + "\"],\"proposalId\":" + proposal + "}");
        assertEquals(declared.toString(), 201, declared.status());
        long incident = declared.json.get("id").asLong();
        String path = DEMO + "/incidents/" + incident;
        ApiClient.Response attached = api.post(path + "/items", admin, "{\"postIds\":" + ids + "}");
        assertEquals(attached.toString(), 200, attached.status());
        assertEquals(path, authors, api.get(path, null).json.get("complaints").asInt());

        ApiClient.Response statement = api.post(path + "/statements", admin,
            "{\"body\":\"Une panne des **terminaux de paiement** touche nos magasins du Sud-Ouest ; ils sont rétablis ce soir.\"}");
        assertEquals(statement.toString(), 201, statement.status());
        Set<String> waiting = new HashSet<>(complaints.values());
        Awaitility.await("the statement reaches each author").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            waiting.removeIf(token -> notifications(token).contains("\"kind\":\"incident.statement\""));
            return waiting.isEmpty();
        });
        for (String token : complaints.values()) {
            String mine = notifications(token);
            assertEquals("told once: " + mine, 1, mine.split("\"kind\":\"incident.statement\"", -1).length - 1);
            assertTrue(mine, mine.contains("/incidents/" + incident));
        }

        ApiClient.Response closed = api.post(path + "/closure", admin,
            "{\"message\":\"Les terminaux fonctionnent de nouveau. Votre problème est-il résolu ?\"}");
        assertEquals(closed.toString(), 200, closed.status());
        assertEquals("closed", closed.json.get("status").asText());
        for (Map.Entry<Long, String> c : complaints.entrySet()) {
            JsonNode complaint = api.get(DEMO + "/complaints/" + c.getKey(), c.getValue()).json;
            assertEquals(complaint.toString(), "ANSWERED", complaint.get("status").asText());
            assertTrue(complaint.toString(), complaint.get("responses").toString().contains("Les terminaux fonctionnent de nouveau"));
        }
        assertEquals("closed once", 409, api.post(path + "/closure", admin, "{\"message\":\"Encore\"}").status());
    }

    /** One complaint by each of {@code authors} new members, alternately in the region's stores: their ids and tokens. */
    private Map<Long, String> burst(int authors) {
        Map<Long, String> out = new LinkedHashMap<>();
        String run = suffix();
        for (int i = 0; i < authors; i++) {
            String token = member("client-" + run + "-" + i);
            ApiClient.Response filed = api.post(DEMO + "/complaints", token, "{\"title\":\"Paiement refusé en caisse " + i
                + "\",\"body\":\"Le terminal de paiement refuse toutes les cartes depuis ce matin.\",\"storeCode\":\""
                + STORES.get(i % STORES.size()) + "\"}");
            assertEquals(filed.toString(), 201, filed.status());
            out.put(filed.json.get("id").asLong(), token);
        }
        return out;
    }

    /** A new member of the demo brand, signed in. */
    private String member(String name) {
        String email = name + "@example.org";
        ApiClient.Response reg = api.post("/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"" + email
            + "\",\"password\":\"correct-horse-battery\",\"pseudonym\":\"" + name + "\"}");
        assertEquals(reg.toString(), 202, reg.status());
        return api.login("demo", email, "correct-horse-battery");
    }

    private String notifications(String token) {
        ApiClient.Response r = api.get(DEMO + "/me/notifications?size=50", token);
        assertEquals(r.toString(), 200, r.status());
        return r.json.get("items").toString();
    }

    private static List<Long> posts(JsonNode proposal) {
        List<Long> out = new ArrayList<>();
        proposal.get("postIds").forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
