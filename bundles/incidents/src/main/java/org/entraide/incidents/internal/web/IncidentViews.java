package org.entraide.incidents.internal.web;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Store;
import org.entraide.api.platform.Stores;
import org.entraide.incidents.internal.detect.Proposals;
import org.entraide.incidents.internal.store.HourlyCounts;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.Items;
import org.entraide.incidents.internal.store.Statements;

/** The JSON shapes of incidents: what everyone reads (no member is named), and the statements' timeline. */
public final class IncidentViews {
    private final Stores stores;
    private final Statements statements;
    private final Items items;
    private final HourlyCounts counts;

    public IncidentViews(Stores stores, Statements statements, Items items, HourlyCounts counts) {
        this.counts = counts;
        this.stores = stores;
        this.statements = statements;
        this.items = items;
    }

    /** An incident as a list shows it. */
    public Map<String, Object> summary(Connection c, Incident i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("title", i.title());
        out.put("status", i.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("theme", i.theme());
        out.put("stores", stores(c, i));
        out.put("regions", i.regions());
        out.put("startsAt", i.startsAt().toString());
        put(out, "endsAt", i.endsAt());
        out.put("declaredAt", i.declaredAt().toString());
        put(out, "closedAt", i.closedAt());
        out.put("statementAnswers", i.statementAnswers());
        List<Statements.Statement> all = statements.of(c, i.id());
        if (!all.isEmpty()) {
            out.put("latestStatement", statement(all.get(all.size() - 1)));
        }
        if (i.proposalId() != null) {
            out.put("proposalId", i.proposalId());
        }
        return out;
    }

    /** The incident page's data: its statements, counts by store and day, and the time to the statement. */
    public Map<String, Object> full(Connection c, Incident i) {
        Map<String, Object> out = summary(c, i);
        List<Statements.Statement> all = statements.of(c, i.id());
        out.put("statements", all.stream().map(IncidentViews::statement).toList());
        if (!all.isEmpty()) {
            out.put("minutesToStatement", Duration.between(i.declaredAt(), all.get(0).publishedAt()).toMinutes());
        }
        out.put("items", items.count(c, i.id(), null));
        out.put("complaints", items.count(c, i.id(), "COMPLAINT"));
        List<Map<String, Object>> counts = new ArrayList<>();
        for (Items.Count n : items.countsByStoreAndDay(c, i.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", n.day().toString());
            if (n.storeId() != null) {
                stores.byId(c, i.brandId(), n.storeId()).ifPresent(s -> row.put("store", store(s)));
            }
            row.put("items", n.items());
            counts.add(row);
        }
        out.put("counts", counts);
        return out;
    }

    /** The statement and its updates, oldest first. */
    public List<Map<String, Object>> statements(Connection c, Incident i) {
        return statements.of(c, i.id()).stream().map(IncidentViews::statement).toList();
    }

    /** A detected rise: its scope (a store's code when it is a store's), hour, count against the baseline, grouped posts. */
    public Map<String, Object> proposal(Connection c, Proposals.Proposal p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("scope", p.scope());
        if (p.scope().startsWith("store:")) {
            stores.byId(c, p.brandId(), Long.parseLong(p.scope().substring("store:".length())))
                .ifPresent(s -> out.put("store", store(s)));
        }
        out.put("hour", p.hour().toString());
        out.put("posts", p.posts());
        out.put("baselineMean", p.mean());
        out.put("baselineDeviation", p.deviation());
        out.put("status", p.status().toLowerCase(java.util.Locale.ROOT));
        if (p.incidentId() != null) {
            out.put("incidentId", p.incidentId());
        }
        out.put("postIds", counts.posts(c, p.brandId(), p.scope(), p.hour()));
        out.put("detectedAt", p.detectedAt().toString());
        return out;
    }

    public static Map<String, Object> statement(Statements.Statement s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("update", s.update());
        out.put("body", s.body());
        out.put("html", s.html());
        out.put("publishedAt", s.publishedAt().toString());
        return out;
    }

    public static Map<String, Object> item(Items.Item item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("postId", item.postId());
        out.put("type", item.postType().toLowerCase(java.util.Locale.ROOT));
        if (item.storeId() != null) {
            out.put("storeId", item.storeId());
        }
        out.put("automatic", item.automatic());
        out.put("attachedAt", item.attachedAt().toString());
        out.put("postedAt", item.postedAt().toString());
        return out;
    }

    private List<Map<String, Object>> stores(Connection c, Incident i) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long id : i.storeIds()) {
            stores.byId(c, i.brandId(), id).ifPresent(s -> out.add(store(s)));
        }
        return out;
    }

    private static Map<String, Object> store(Store s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("code", s.code());
        out.put("name", s.name());
        return out;
    }

    private static void put(Map<String, Object> out, String key, java.time.Instant at) {
        if (at != null) {
            out.put(key, at.toString());
        }
    }
}
