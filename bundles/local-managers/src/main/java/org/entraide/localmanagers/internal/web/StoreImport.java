package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Store;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.jdbc.Sql;

/**
 * Stores' settings as CSV, one store a line:
 * {@code code;region;timeZone;monday;tuesday;wednesday;thursday;friday;saturday;sunday;closures;managers}, days as
 * {@code 09:00-12:30 14:00-19:00} (empty: closed), closures as {@code 2026-12-25 2027-01-01}, managers as member
 * e-mail addresses, primary first. Every line is checked before anything is written: one bad line and nothing is
 * imported, and the report lists every rejected line with why.
 */
final class StoreImport {
    static final String HEADER = "code;region;timeZone;monday;tuesday;wednesday;thursday;friday;saturday;sunday;closures;managers";
    private static final String[] DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
    static final int MAX_LINES = 10_000;

    private record Line(long storeId, Long regionId, OpeningHours hours, List<Long> managers) {
    }

    private final StoreSettings stores;

    private final Lookups lookups;

    StoreImport(StoreSettings stores, Lookups lookups) {
        this.lookups = lookups;
        this.stores = stores;
    }

    Map<String, Object> run(Connection c, long brandId, String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase(HEADER)) {
            throw ProblemException.invalid("csv", "the first line must be the header: " + HEADER);
        }
        if (lines.size() - 1 > MAX_LINES) {
            throw ProblemException.invalid("csv", "at most " + MAX_LINES + " stores per import");
        }
        List<Line> ok = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String raw = lines.get(n);
            if (raw.isBlank()) {
                continue;
            }
            try {
                ok.add(parse(c, brandId, raw));
            } catch (IllegalArgumentException e) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("line", n + 1);
                r.put("content", raw.length() > 200 ? raw.substring(0, 200) : raw);
                r.put("error", e.getMessage());
                rejected.add(r);
            }
        }
        if (!rejected.isEmpty()) {
            throw new ProblemException(422, "import-rejected", "Import rejected",
                rejected.size() + " line(s) rejected; nothing was imported", null, Map.of("rejected", rejected));
        }
        for (Line l : ok) {
            stores.save(c, brandId, l.storeId(), l.hours(), l.regionId());
            Sql.update(c, "DELETE FROM lm_store_manager WHERE store_id = ?", l.storeId());
            for (int rank = 0; rank < l.managers().size(); rank++) {
                Sql.update(c, "INSERT INTO lm_store_manager (store_id, user_id, rank_no) VALUES (?, ?, ?)", l.storeId(),
                    l.managers().get(rank), rank);
            }
        }
        return Map.of("imported", ok.size());
    }

    private Line parse(Connection c, long brandId, String raw) {
        String[] f = raw.split(";", -1);
        if (f.length != 12) {
            throw new IllegalArgumentException("expected 12 fields separated by ';', found " + f.length);
        }
        String code = f[0].trim();
        long storeId = lookups.storeByCode(c, brandId, code).map(org.entraide.api.model.Store::id)
            .orElseThrow(() -> new IllegalArgumentException("no store '" + code + "'"));
        Long region = null;
        if (!f[1].isBlank()) {
            String r = f[1].trim();
            region = Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1), brandId, r)
                .orElseThrow(() -> new IllegalArgumentException("no region '" + r + "'"));
        }
        Map<String, List<String>> week = new LinkedHashMap<>();
        for (int d = 0; d < 7; d++) {
            week.put(DAYS[d], f[3 + d].isBlank() ? List.of() : List.of(f[3 + d].trim().split("\\s+")));
        }
        List<String> closures = f[10].isBlank() ? List.of() : List.of(f[10].trim().split("\\s+"));
        OpeningHours hours = StoreSettings.parse(f[2].trim(), week, closures);
        List<Long> managers = new ArrayList<>();
        if (!f[11].isBlank()) {
            for (String email : f[11].trim().split("\\s+")) {
                long user = lookups.memberByEmail(c, brandId, email).filter(m -> m.managedStoreIds().contains(storeId))
                    .map(MemberFacts::id)
                    .orElseThrow(() -> new IllegalArgumentException(email + " is not a manager of store " + code));
                managers.add(user);
            }
        }
        return new Line(storeId, region, hours, managers);
    }

    /** The brand's stores in the import format. */
    String export(Connection c, long brandId) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        Map<Long, String> regions = new HashMap<>();
        Sql.list(c, "SELECT l.store_id, r.code FROM lm_store l JOIN lm_region r ON r.id = l.region_id WHERE l.brand_id = ?",
            rs -> regions.put(rs.getLong(1), rs.getString(2)), brandId);
        Map<Long, List<Long>> ranked = new HashMap<>();
        Sql.list(c, "SELECT m.store_id, m.user_id FROM lm_store_manager m JOIN lm_store l ON l.store_id = m.store_id "
            + "WHERE l.brand_id = ? ORDER BY m.store_id, m.rank_no", rs -> ranked.computeIfAbsent(rs.getLong(1),
                k -> new ArrayList<>()).add(rs.getLong(2)), brandId);
        Map<Long, MemberFacts> managers = lookups.members(c, brandId, ranked.values().stream().flatMap(List::stream).toList());
        for (Store s : lookups.stores(c, brandId)) {
            OpeningHours h = stores.hours(c, s.id());
            out.append(s.code()).append(';').append(regions.getOrDefault(s.id(), "")).append(';').append(h.zone().getId());
            for (String day : DAYS) {
                out.append(';').append(String.join(" ", h.week().getOrDefault(java.time.DayOfWeek.valueOf(day), List.of())
                    .stream().map(i -> i.from() + "-" + i.to()).toList()));
            }
            out.append(';').append(String.join(" ", h.closures().stream().sorted().map(Object::toString).toList()));
            out.append(';').append(String.join(" ", ranked.getOrDefault(s.id(), List.of()).stream().map(managers::get)
                .filter(java.util.Objects::nonNull).map(MemberFacts::email).toList()));
            out.append('\n');
        }
        return out.toString();
    }
}
