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
import org.entraide.api.web.CursorPaging;
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
     * Complaints assigned to the caller, and those escalated to a region they manage: unanswered first, soonest
     * deadline first, then the answered ones by the time of their response. The first pages by number, any depth after
     * the {@code next} cursor of the previous page (bound to the caller), which reads a range of
     * {@code lm_assignment_inbox_ix} for the caller's own complaints. The complaints' titles and statuses and the
     * stores' codes come from the platform in one call each for the whole page.
     */
    ApiResult inbox(ApiCall call) {
        Caller caller = Callers.member(call);
        CursorPaging paging = CursorPaging.of(call);
        Instant now = clock.instant();
        long brand = call.brand().id();
        String scope = "inbox|" + caller.userId();
        InboxOrder.Position after = InboxOrder.Position.of(paging.cursor(brand, scope));
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Object> params = new ArrayList<>();
            String sql = pageSql(brand, caller.userId(), after, params);
            params.add(paging.limit());
            params.add(paging.offset());
            List<Row> rows = Sql.list(c, sql + " LIMIT ? OFFSET ?", rs -> new Row(rs.getLong("complaint_id"), rs.getLong("store_id"),
                rs.getString("level"), Sql.instant(rs, "due_at"),
                rs.getObject("responded_at") == null ? null : Sql.instant(rs, "responded_at"),
                rs.getLong("manager_id") == caller.userId() || rs.getObject("escalated_region") != null), params.toArray());
            List<Row> shown = rows.subList(0, Math.min(rows.size(), paging.size()));
            Map<Long, ComplaintFacts> complaints = lookups.complaints(c, brand, shown.stream().map(Row::complaintId).toList());
            // the private thread's parties: the assigned manager, and the region's once the store's deadline sent the
            // complaint there (a hand-over to the central team skips the region)
            Map<Long, Long> unread = MessageReads.unread(c, caller.userId(),
                shown.stream().filter(Row::party).map(Row::complaintId).toList());
            Map<Long, Store> storesById = lookups.storesById(c, brand);
            return paging.answer(rows, r -> new InboxOrder.Position(r.respondedAt(), r.due(), r.complaintId()).cursor(), brand,
                scope, r -> item(c, r, complaints, unread, storesById, now),
                () -> Sql.count(c, "SELECT COUNT(*) " + MINE, brand, caller.userId(), caller.userId()));
        }));
    }

    /** The caller's assignments and those escalated to their regions (brand, manager, region's manager). */
    private static final String MINE = "FROM lm_assignment a WHERE a.brand_id = ? AND (a.manager_id = ? OR (a.level <> 'STORE' "
        + "AND a.store_id IN (SELECT st.store_id FROM lm_store st JOIN lm_region_manager m ON m.region_id = st.region_id "
        + "WHERE m.user_id = ?)))";
    private static final String COLUMNS = "SELECT a.complaint_id, a.store_id, a.level, a.due_at, a.responded_at, a.manager_id, "
        + "a.escalated_region ";

    /**
     * The SQL of a page (its LIMIT and OFFSET to add), its parameters added: the complaints assigned to the manager
     * (a range of {@code lm_assignment_inbox_ix}, in the inbox's order) and those escalated to their regions that
     * another manager holds, each branch starting after the cursor's position, merged in the inbox's order.
     */
    static String pageSql(long brandId, long userId, InboxOrder.Position after, List<Object> params) {
        params.add(userId);
        params.add(brandId);
        String own = COLUMNS + "FROM lm_assignment a WHERE a.manager_id = ? AND a.brand_id = ?" + InboxOrder.after(after, params);
        params.add(brandId);
        params.add(userId);
        params.add(userId);
        String regions = COLUMNS + "FROM lm_assignment a WHERE a.brand_id = ? AND a.level <> 'STORE' AND a.store_id IN "
            + "(SELECT st.store_id FROM lm_store st JOIN lm_region_manager m ON m.region_id = st.region_id WHERE m.user_id = ?) "
            + "AND (a.manager_id IS NULL OR a.manager_id <> ?)" + InboxOrder.after(after, params);
        return "SELECT * FROM (" + own + " UNION ALL " + regions + ") a" + InboxOrder.ORDER;
    }

    /**
     * The SQL of the page after an unanswered complaint, with its values written in: for the tests that read its plan.
     */
    public static String planOfPageAfter(long brandId, long userId, Instant due, long complaintId) {
        List<Object> params = new ArrayList<>();
        String sql = pageSql(brandId, userId, new InboxOrder.Position(null, due, complaintId), params) + " LIMIT 21";
        for (Object p : params) {
            String literal = p instanceof Instant t ? "TIMESTAMP WITH TIME ZONE '" + t.toString().replace('T', ' ').replace("Z", "+00") + "'"
                : String.valueOf(p);
            sql = sql.replaceFirst("\\?", literal);
        }
        return sql;
    }

    /** {@code party}: the caller reads the complaint's private thread (its assigned manager, or its region's). */
    private record Row(long complaintId, long storeId, String level, Instant due, Instant respondedAt, boolean party) {
    }

    private Map<String, Object> item(Connection c, Row r, Map<Long, ComplaintFacts> complaints, Map<Long, Long> unread,
                                     Map<Long, Store> storesById, Instant now) {
        ComplaintFacts complaint = complaints.get(r.complaintId());
        Store store = storesById.get(r.storeId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("complaintId", r.complaintId());
        m.put("title", complaint == null ? null : complaint.title());
        m.put("store", store == null ? null : store.code());
        m.put("status", complaint == null || complaint.status() == null ? null : complaint.status().name());
        m.put("level", r.level());
        m.put("dueAt", r.due().toString());
        boolean answered = r.respondedAt() != null;
        OpeningHours h = stores.hours(c, r.storeId());
        Duration left = answered ? Duration.ZERO : now.isBefore(r.due()) ? h.openingBetween(now, r.due())
            : h.openingBetween(r.due(), now).negated();
        m.put("openingMinutesLeft", left.toMinutes());
        m.put("late", !answered && now.isAfter(r.due()));
        m.put("unreadMessages", unread.getOrDefault(r.complaintId(), 0L));
        return m;
    }
}
