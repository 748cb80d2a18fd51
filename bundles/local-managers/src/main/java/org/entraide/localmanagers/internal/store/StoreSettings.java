package org.entraide.localmanagers.internal.store;

import java.io.IOException;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.jdbc.Sql;

/** Each store's hours, zone, closures and region; a store never set up has the standard hours. */
public final class StoreSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    public OpeningHours hours(Connection c, long storeId) {
        return Sql.one(c, "SELECT time_zone, hours, closures FROM lm_store WHERE store_id = ?",
            rs -> parse(rs.getString(1), rs.getString(2), rs.getString(3)), storeId).orElseGet(OpeningHours::standard);
    }

    public void save(Connection c, long brandId, long storeId, OpeningHours h, Long regionId) {
        Map<String, List<String>> week = new java.util.LinkedHashMap<>();
        h.week().forEach((d, list) -> week.put(d.name(), list.stream().map(i -> i.from() + "-" + i.to()).toList()));
        List<String> closures = h.closures().stream().sorted().map(LocalDate::toString).toList();
        String hoursJson;
        String closuresJson;
        try {
            hoursJson = JSON.writeValueAsString(week);
            closuresJson = JSON.writeValueAsString(closures);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int n = Sql.update(c, "UPDATE lm_store SET time_zone = ?, hours = ?, closures = ?, region_id = ? WHERE store_id = ?",
            h.zone().getId(), hoursJson, closuresJson, regionId, storeId);
        if (n == 0) {
            Sql.update(c, "INSERT INTO lm_store (store_id, brand_id, region_id, time_zone, hours, closures) VALUES (?, ?, ?, ?, ?, ?)",
                storeId, brandId, regionId, h.zone().getId(), hoursJson, closuresJson);
        }
    }

    public Long regionOf(Connection c, long storeId) {
        return Sql.one(c, "SELECT region_id FROM lm_store WHERE store_id = ?", rs -> Sql.nullableLong(rs, "region_id"), storeId)
            .orElse(null);
    }

    /** A fault in a store's settings, with the field it is in ({@code timeZone}, {@code hours} or {@code closures}). */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Validates and builds opening hours: {"MONDAY": ["09:00-12:30", ...]}; an {@link Invalid} names the fault. */
    public static OpeningHours parse(String zone, Map<String, List<String>> week, List<String> closures) {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new Invalid("timeZone", "unknown time zone '" + zone + "'");
        }
        Map<DayOfWeek, List<OpeningHours.Interval>> w = new EnumMap<>(DayOfWeek.class);
        for (var e : week.entrySet()) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new Invalid("hours", "unknown day '" + e.getKey() + "'");
            }
            List<OpeningHours.Interval> list = new ArrayList<>();
            for (String s : e.getValue()) {
                try {
                    list.add(OpeningHours.Interval.parse(s));
                } catch (java.time.format.DateTimeParseException bad) {
                    throw new Invalid("hours", "an interval is HH:MM-HH:MM: " + s);
                }
            }
            w.put(day, list);
        }
        Set<LocalDate> days = new HashSet<>();
        for (String d : closures) {
            try {
                days.add(LocalDate.parse(d));
            } catch (java.time.format.DateTimeParseException bad) {
                throw new Invalid("closures", "a closure day is YYYY-MM-DD: " + d);
            }
        }
        return new OpeningHours(z, w, days);
    }

    private static OpeningHours parse(String zone, String hours, String closures) throws java.sql.SQLException {
        try {
            return parse(zone, JSON.readValue(hours, new TypeReference<Map<String, List<String>>>() { }),
                JSON.readValue(closures, new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            throw new java.sql.SQLException("stored hours do not parse: " + e.getMessage(), e);
        }
    }
}
