package org.entraide.localmanagers.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.jdbc.Sql;

/**
 * The brand's organisation beyond stores: regions and their managers (brand admins), and managers' absences, during
 * which their complaints go to a backup.
 */
public final class TeamEndpoints {
    private final Transactions tx;
    private final Lookups lookups;

    TeamEndpoints(Transactions tx, Lookups lookups) {
        this.tx = tx;
        this.lookups = lookups;
    }

    ApiResult region(ApiCall call) {
        Callers.admin(call);
        String code = call.path("code");
        if (code.length() > 32) {
            throw ProblemException.invalid("code", "at most 32 characters");
        }
        Bodies.Region body = call.body(Bodies.Region.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Long> managers = body.managers() == null ? List.of() : body.managers();
            for (long m : managers) {
                lookups.member(c, call.brand().id(), m);
            }
            long id = Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1),
                call.brand().id(), code).orElseGet(() -> Sql.insert(c,
                    "INSERT INTO lm_region (brand_id, code, name) VALUES (?, ?, ?)", call.brand().id(), code, body.name()));
            Sql.update(c, "UPDATE lm_region SET name = ? WHERE id = ?", body.name(), id);
            Sql.update(c, "DELETE FROM lm_region_manager WHERE region_id = ?", id);
            for (long m : managers) {
                Sql.update(c, "INSERT INTO lm_region_manager (region_id, user_id) VALUES (?, ?)", id, m);
            }
            return Map.of("region", code, "name", body.name());
        }));
    }

    /**
     * The brand's regions with their stores' codes, for everyone: a public list filters complaints by region by passing
     * a region's codes to the core's list ({@code stores=}), so the core needs no knowledge of regions.
     */
    ApiResult regions(ApiCall call) {
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<Long, org.entraide.api.model.Store> stores = lookups.storesById(c, brandId);
            Map<Long, List<String>> codes = new java.util.HashMap<>();
            Sql.list(c, "SELECT s.region_id, s.store_id FROM lm_store s WHERE s.brand_id = ? AND s.region_id IS NOT NULL",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, brandId).forEach(row -> {
                    org.entraide.api.model.Store store = stores.get(row[1]);
                    if (store != null) {
                        codes.computeIfAbsent(row[0], k -> new java.util.ArrayList<>()).add(store.code());
                    }
                });
            List<Map<String, Object>> items = Sql.list(c, "SELECT id, code, name FROM lm_region WHERE brand_id = ? ORDER BY name, code",
                rs -> {
                    Map<String, Object> region = new java.util.LinkedHashMap<>();
                    region.put("code", rs.getString("code"));
                    region.put("name", rs.getString("name"));
                    region.put("stores", codes.getOrDefault(rs.getLong("id"), List.of()).stream().sorted().toList());
                    return region;
                }, brandId);
            return Map.of("items", items);
        }));
    }

    /** An absence of the caller (or, for brand admins, of any member of the brand): their complaints go to a backup meanwhile. */
    ApiResult absence(ApiCall call) {
        Caller caller = Callers.member(call);
        Bodies.Absence body = call.body(Bodies.Absence.class);
        long user = body.userId() != null ? body.userId() : caller.userId();
        if (!body.to().isAfter(body.from()) || Duration.between(body.from(), body.to()).toDays() > 366) {
            throw ProblemException.invalid("to", "after 'from', within a year");
        }
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/managers/me", tx.inTransaction(c -> {
            // resolved in the URL's brand before anything else: another brand's manager is nobody here
            lookups.member(c, call.brand().id(), user);
            if (user != caller.userId() && !caller.has(Role.BRAND_ADMIN)) {
                throw ProblemException.forbidden("managers declare their own absences; brand admins anyone's");
            }
            return Map.of("id", Sql.insert(c, "INSERT INTO lm_absence (user_id, from_time, to_time) VALUES (?, ?, ?)", user,
                body.from(), body.to()));
        }));
    }

}
