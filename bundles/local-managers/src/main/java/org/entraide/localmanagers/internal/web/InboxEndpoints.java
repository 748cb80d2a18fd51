package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Store;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;

/**
 * A manager's profile (the stores and regions they manage) and inbox: the complaints assigned to them and those
 * escalated to their regions, with the opening time left and the complainant's messages the manager has not read yet.
 */
public final class InboxEndpoints {
    private final Transactions tx;
    private final StoreSettings stores;
    private final Lookups lookups;
    private final Clock clock;

    InboxEndpoints(Transactions tx, StoreSettings stores, Lookups lookups, Clock clock) {
        this.tx = tx;
        this.stores = stores;
        this.lookups = lookups;
        this.clock = clock;
    }

    ApiResult me(ApiCall call) {
        Caller caller = Callers.member(call);
        return ApiResult.ok(tx.inTransaction(c -> Map.of("userId", caller.userId(),
            "stores", managedStores(c, call.brand().id(), caller.userId()),
            "regions", Sql.list(c, "SELECT r.code FROM lm_region r JOIN lm_region_manager m ON m.region_id = r.id "
                + "WHERE r.brand_id = ? AND m.user_id = ? ORDER BY r.code", rs -> rs.getString(1), call.brand().id(),
                caller.userId()))));
    }

    /** The codes of the stores the member manages: bound by the core, or ranked here. */
    private List<String> managedStores(java.sql.Connection c, long brandId, long userId) {
        java.util.Set<Long> ids = new java.util.HashSet<>(lookups.member(c, brandId, userId).managedStoreIds());
        ids.addAll(Sql.list(c, "SELECT store_id FROM lm_store_manager WHERE user_id = ?", rs -> rs.getLong(1), userId));
        return lookups.stores(c, brandId).stream().filter(s -> ids.contains(s.id())).map(Store::code).sorted().toList();
    }

    /**
     * Complaints assigned to the caller, and those escalated to a region they manage, soonest deadline first. The page
     * is read from this plugin's assignments; the complaints' titles and statuses and the stores' codes come from the
     * platform in one call each for the whole page.
     */
    ApiResult inbox(ApiCall call) {
        Caller caller = Callers.member(call);
        Paging paging = Paging.of(call);
        Instant now = clock.instant();
        String mine = "FROM lm_assignment a WHERE a.brand_id = ? AND (a.manager_id = ? OR (a.level <> 'STORE' AND a.store_id IN "
            + "(SELECT st.store_id FROM lm_store st JOIN lm_region_manager m ON m.region_id = st.region_id WHERE m.user_id = ?)))";
        long brand = call.brand().id();
        record Row(long complaintId, long storeId, String level, Instant due, boolean answered, boolean assigned) {
        }
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Row> rows = Sql.list(c, "SELECT a.complaint_id, a.store_id, a.level, a.due_at, a.responded_at, a.manager_id " + mine
                + " ORDER BY a.responded_at NULLS FIRST, a.due_at, a.complaint_id LIMIT ? OFFSET ?",
                rs -> new Row(rs.getLong("complaint_id"), rs.getLong("store_id"), rs.getString("level"), Sql.instant(rs, "due_at"),
                    rs.getObject("responded_at") != null, rs.getLong("manager_id") == caller.userId()),
                brand, caller.userId(), caller.userId(), paging.size(), paging.offset());
            Map<Long, ComplaintFacts> complaints = lookups.complaints(c, brand, rows.stream().map(Row::complaintId).toList());
            // only the assigned manager is a party of the private thread: a region's manager has nothing there to read
            Map<Long, Long> unread = MessageReads.unread(c, caller.userId(),
                rows.stream().filter(Row::assigned).map(Row::complaintId).toList());
            Map<Long, Store> storesById = lookups.storesById(c, brand);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Row r : rows) {
                ComplaintFacts complaint = complaints.get(r.complaintId());
                Store store = storesById.get(r.storeId());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("complaintId", r.complaintId());
                m.put("title", complaint == null ? null : complaint.title());
                m.put("store", store == null ? null : store.code());
                m.put("status", complaint == null || complaint.status() == null ? null : complaint.status().name());
                m.put("level", r.level());
                m.put("dueAt", r.due().toString());
                OpeningHours h = stores.hours(c, r.storeId());
                Duration left = r.answered() ? Duration.ZERO : now.isBefore(r.due()) ? h.openingBetween(now, r.due())
                    : h.openingBetween(r.due(), now).negated();
                m.put("openingMinutesLeft", left.toMinutes());
                m.put("late", !r.answered() && now.isAfter(r.due()));
                m.put("unreadMessages", unread.getOrDefault(r.complaintId(), 0L));
                items.add(m);
            }
            return paging.answer(items, Sql.count(c, "SELECT COUNT(*) " + mine, brand, caller.userId(), caller.userId()));
        }));
    }

}
