package org.entraide.search.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entraide.jdbc.Sql;

/**
 * Similar posts proposed to askers and what each asker did next. One row per ask: the proposals shown while a title
 * changes, and again on the confirmation step, merge into the row of the token the page carries, so a page's replays
 * count once. An outcome only moves forward (nothing, then opened, then asked), so repeating it changes nothing.
 */
final class Proposals {
    static final String OPENED = "opened";
    static final String ASKED = "asked";
    /** Rows a member may start per day: beyond, proposals are still shown but not counted. */
    static final int DAILY_CAP = 100;
    /** Items kept per row (the column's size): the proposals of one ask rarely exceed a few. */
    static final int MAX_ITEMS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One ask's proposals, as its asker may see them again. */
    record Proposal(long id, String token, Long userId, Set<String> items, String outcome) {
    }

    /** The brand's figures: proposals shown, then opened, asked anyway, or left without either. */
    record Figures(long shown, long opened, long asked) {
        long left() {
            return shown - opened - asked;
        }

        Map<String, Object> json(int days) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("days", days);
            out.put("shown", shown);
            out.put("opened", opened);
            out.put("asked", asked);
            out.put("left", left());
            out.put("stopped", shown - asked);
            // a share of the asks that were shown proposals, in per cent with one decimal
            out.put("stoppedPercent", shown == 0 ? 0.0 : Math.round((shown - asked) * 1000.0 / shown) / 10.0);
            return out;
        }
    }

    static String item(String kind, long id) {
        return kind + ":" + id;
    }

    Optional<Proposal> find(Connection c, long brandId, String token) {
        return Sql.one(c, "SELECT id, token, user_id, items, outcome FROM search_proposal WHERE brand_id = ? AND token = ?",
            rs -> new Proposal(rs.getLong("id"), rs.getString("token"), Sql.nullableLong(rs, "user_id"),
                items(rs.getString("items")), rs.getString("outcome")), brandId, token);
    }

    /**
     * Records {@code items} shown to the member: merged into their proposal {@code token} when it is theirs, else a new
     * row, unless they reached the day's cap. @return the token of the row, or empty when nothing was recorded
     */
    Optional<String> shown(Connection c, long brandId, long userId, String token, List<String> items, Instant now) {
        if (items.isEmpty()) {
            return Optional.ofNullable(token).flatMap(t -> find(c, brandId, t)).filter(p -> mine(p, userId)).map(Proposal::token);
        }
        Optional<Proposal> existing = token == null ? Optional.empty()
            : find(c, brandId, token).filter(p -> mine(p, userId));
        if (existing.isPresent()) {
            Set<String> merged = new LinkedHashSet<>(existing.get().items());
            merged.addAll(items);
            if (merged.size() <= MAX_ITEMS && merged.size() > existing.get().items().size()) {
                Sql.update(c, "UPDATE search_proposal SET items = ? WHERE id = ?", String.join(" ", merged), existing.get().id());
            }
            return Optional.of(existing.get().token());
        }
        long today = Sql.count(c, "SELECT COUNT(*) FROM search_proposal WHERE user_id = ? AND shown_at > ?",
            userId, now.minus(Duration.ofDays(1)));
        if (today >= DAILY_CAP) {
            return Optional.empty();
        }
        String fresh = newToken();
        Sql.update(c, "INSERT INTO search_proposal (brand_id, token, user_id, shown_at, items) VALUES (?, ?, ?, ?, ?)",
            brandId, fresh, userId, now, String.join(" ", items.subList(0, Math.min(items.size(), MAX_ITEMS))));
        return Optional.of(fresh);
    }

    /** Moves the proposal's outcome forward; an outcome already reached (or passed) stays. @return the outcome now */
    String outcome(Connection c, Proposal p, String outcome, String opened, Instant now) {
        if (p.outcome() == null || (OPENED.equals(p.outcome()) && ASKED.equals(outcome))) {
            Sql.update(c, "UPDATE search_proposal SET outcome = ?, opened_item = COALESCE(opened_item, ?), outcome_at = ? "
                + "WHERE id = ? AND (outcome IS NULL OR outcome = ?)", outcome, opened, now, p.id(), OPENED);
            return outcome;
        }
        return p.outcome();
    }

    Figures figures(Connection c, long brandId, Instant since) {
        return Sql.one(c, "SELECT COUNT(*) AS shown, "
                + "SUM(CASE WHEN outcome = 'opened' THEN 1 ELSE 0 END) AS opened, "
                + "SUM(CASE WHEN outcome = 'asked' THEN 1 ELSE 0 END) AS asked "
                + "FROM search_proposal WHERE brand_id = ? AND shown_at >= ?",
            rs -> new Figures(rs.getLong("shown"), rs.getLong("opened"), rs.getLong("asked")), brandId, since).orElseThrow();
    }

    List<Map<String, Object>> export(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT shown_at, items, outcome, opened_item FROM search_proposal WHERE brand_id = ? AND user_id = ? "
            + "ORDER BY shown_at", rs -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("shownAt", Sql.instant(rs, "shown_at").toString());
                row.put("items", new ArrayList<>(items(rs.getString("items"))));
                if (rs.getString("outcome") != null) {
                    row.put("outcome", rs.getString("outcome"));
                }
                if (rs.getString("opened_item") != null) {
                    row.put("opened", rs.getString("opened_item"));
                }
                return row;
            }, brandId, userId);
    }

    /** The brand's figures keep the rows; nothing links them to the member any more. */
    void erase(Connection c, long brandId, long userId) {
        Sql.update(c, "UPDATE search_proposal SET user_id = NULL WHERE brand_id = ? AND user_id = ?", brandId, userId);
    }

    private static boolean mine(Proposal p, long userId) {
        return p.userId() != null && p.userId() == userId;
    }

    private static Set<String> items(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : text.split(" ")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
