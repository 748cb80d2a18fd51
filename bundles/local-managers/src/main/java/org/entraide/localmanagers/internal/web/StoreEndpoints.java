package org.entraide.localmanagers.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Store;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;

/**
 * Stores as local managers know them: their hours, region and ranked managers (set by brand admins, one by one or
 * by CSV import and export), and the public search by city, postal code or distance.
 */
public final class StoreEndpoints {
    private final Transactions tx;
    private final StoreSettings stores;
    private final Lookups lookups;

    StoreEndpoints(Transactions tx, StoreSettings stores, Lookups lookups) {
        this.tx = tx;
        this.stores = stores;
        this.lookups = lookups;
    }

    ApiResult storeSettings(ApiCall call) {
        Callers.admin(call);
        String code = call.path("code");
        Bodies.StoreSettings body = call.body(Bodies.StoreSettings.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            long storeId = lookups.store(c, call.brand().id(), code);
            OpeningHours hours;
            try {
                hours = StoreSettings.parse(body.timeZone() == null ? "Europe/Paris" : body.timeZone(), body.hours(),
                    body.closures() == null ? List.of() : body.closures());
            } catch (StoreSettings.Invalid e) {
                throw ProblemException.invalid(e.field(), e.getMessage());
            } catch (IllegalArgumentException e) {
                // the week as a whole: intervals that overlap or end before they start, a store never open
                throw ProblemException.invalid("hours", e.getMessage());
            }
            Long region = body.region() == null ? null : Lookups.region(c, call.brand().id(), body.region());
            stores.save(c, call.brand().id(), storeId, hours, region);
            if (body.managers() != null) {
                Sql.update(c, "DELETE FROM lm_store_manager WHERE store_id = ?", storeId);
                int rank = 0;
                for (long user : body.managers()) {
                    if (!lookups.member(c, call.brand().id(), user).managedStoreIds().contains(storeId)) {
                        throw ProblemException.invalid("managers", "user " + user + " is not a manager of store " + code);
                    }
                    Sql.update(c, "INSERT INTO lm_store_manager (store_id, user_id, rank_no) VALUES (?, ?, ?)", storeId, user,
                        rank++);
                }
            }
            return Map.of("store", code, "timeZone", hours.zone().getId());
        }));
    }

    /** {@code {"csv": "..."}}: every line valid or nothing imported (422 with the rejected lines). */
    ApiResult importStores(ApiCall call) {
        Callers.admin(call);
        String csv = call.body(Bodies.StoreImport.class).csv();
        return ApiResult.ok(tx.inTransaction(c -> new StoreImport(stores, lookups).run(c, call.brand().id(), csv)));
    }

    ApiResult exportStores(ApiCall call) {
        Callers.admin(call);
        return ApiResult.text("text/csv; charset=UTF-8", tx.inTransaction(c -> new StoreImport(stores, lookups).export(c, call.brand().id())));
    }

    /** Stores by city or postal code ({@code q}), or nearest first from coordinates ({@code lat}, {@code lon}). Public. */
    ApiResult searchStores(ApiCall call) {
        String q = call.query("q");
        String lat = call.query("lat");
        String lon = call.query("lon");
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Map<String, Object>> found = new ArrayList<>();
            if (lat != null && lon != null) {
                double la;
                double lo;
                try {
                    la = Double.parseDouble(lat);
                    lo = Double.parseDouble(lon);
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("lat", "coordinates in decimal degrees");
                }
                if (Math.abs(la) > 90 || Math.abs(lo) > 180) {
                    throw ProblemException.invalid("lat", "latitude within ±90, longitude within ±180");
                }
                lookups.stores(c, call.brand().id()).stream().filter(s -> s.latitude() != null)
                    .forEach(s -> found.add(store(s, km(la, lo, s.latitude(), s.longitude()))));
                found.sort(java.util.Comparator.comparingDouble(m -> (Double) m.get("distanceKm")));
            } else if (q != null && !q.isBlank() && q.length() <= 100) {
                String text = q.trim().toLowerCase(java.util.Locale.ROOT);
                lookups.stores(c, call.brand().id()).stream()
                    .filter(s -> contains(s.city(), text) || contains(s.postalCode(), text) || contains(s.name(), text))
                    .sorted(java.util.Comparator.comparing(Store::city).thenComparing(Store::code))
                    .forEach(s -> found.add(store(s, null)));
            } else {
                throw ProblemException.invalid("q", "a city, a postal code or a name (1 to 100 characters), or lat and lon");
            }
            return paging.slice(found);
        }));
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText);
    }

    private static Map<String, Object> store(Store s, Double km) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("city", s.city());
        m.put("postalCode", s.postalCode());
        if (km != null) {
            m.put("distanceKm", Math.round(km * 10) / 10.0);
        }
        return m;
    }

    /** Great-circle distance (haversine), in kilometres. */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

}
