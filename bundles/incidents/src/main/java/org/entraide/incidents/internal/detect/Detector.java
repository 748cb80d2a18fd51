package org.entraide.incidents.internal.detect;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.entraide.api.localmanagers.Regions;
import org.entraide.api.event.EventLog;
import org.entraide.api.incidents.RiseDetected;
import org.entraide.api.storage.Transactions;
import org.entraide.incidents.internal.IncidentsSettings;
import org.entraide.incidents.internal.store.HourlyCounts;
import org.entraide.jdbc.Sql;

/**
 * The scheduled evaluation: for each brand with counts, the current hour (so far) and the last complete one are
 * compared, scope by scope, with the same hour of the same weekday over the previous weeks and the scope's weekly
 * profile over those weeks ({@link History}, {@link Baseline}); a rise
 * becomes a proposal with its grouped posts and a {@code incident.rise-detected} event (the notifications plugin alerts
 * the brand admins and the region's managers), once per scope and hour.
 */
public final class Detector {
    private static final Duration WEEK = Duration.ofDays(7);

    private final Transactions tx;
    private final EventLog events;
    private final HourlyCounts counts;
    private final Proposals proposals;
    private final IncidentsSettings settings;
    private final java.util.function.Supplier<Regions> regions;

    public Detector(Transactions tx, EventLog events, HourlyCounts counts, Proposals proposals, IncidentsSettings settings,
                    java.util.function.Supplier<Regions> regions) {
        this.tx = tx;
        this.events = events;
        this.counts = counts;
        this.proposals = proposals;
        this.settings = settings;
        this.regions = regions;
    }

    /** Evaluates the hours around {@code now}; the number of rises found. */
    public int run(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = current.minus(Duration.ofHours(1));
        List<Long> brands = tx.inTransaction(c -> Sql.list(c, "SELECT DISTINCT brand_id FROM inc_hourly WHERE at_hour >= ? "
            + "AND posts >= ? ORDER BY brand_id", rs -> rs.getLong(1), from, settings.minPosts()));
        int found = 0;
        for (long brand : brands) {
            found += tx.inTransaction(c -> evaluate(c, brand, from, current.plus(Duration.ofHours(1)), now));
        }
        return found;
    }

    private int evaluate(Connection c, long brandId, Instant from, Instant to, Instant now) {
        int found = 0;
        // the busiest groups of words first, so that the words of one burst are proposed under the most shared one
        List<HourlyCounts.Cell> cells = new ArrayList<>(counts.between(c, brandId, from, to));
        cells.sort(java.util.Comparator.comparing((HourlyCounts.Cell cell) -> cell.hour())
            .thenComparing(cell -> -cell.posts()).thenComparing(HourlyCounts.Cell::scope));
        for (HourlyCounts.Cell cell : cells) {
            if (cell.posts() < settings.minPosts()) {
                continue;
            }
            Baseline baseline = history(c, brandId, cell.scope(), cell.hour()).baseline();
            if (!baseline.isRise(cell.posts(), settings.deviations(), settings.tailProbability(),
                settings.minPosts())) {
                continue;
            }
            if (cell.scope().startsWith(SimilarTexts.PREFIX) && !newGroup(c, brandId, cell)) {
                continue;
            }
            var id = proposals.insert(c, brandId, cell.scope(), cell.hour(), cell.posts(), baseline, now);
            if (id.isPresent()) {
                List<Long> managers = cell.scope().startsWith("region:")
                    ? regions.get().managersOf(c, brandId, cell.scope().substring("region:".length())) : List.of();
                events.append(c, brandId, null, id.get(), new RiseDetected(id.get(), cell.scope(), cell.hour().toString(),
                    cell.posts(), baseline.mean(), baseline.deviation(), counts.posts(c, brandId, cell.scope(), cell.hour()),
                    managers));
                found++;
            }
        }
        return found;
    }

    /**
     * Whether a rising group of words is an incident of its own: not when one store has more than half of its posts
     * (that store's scope judges it: a store's burst is not proposed again under each word of its titles), nor when
     * half of its posts are already in another group proposed for that hour (the other words of the same titles).
     */
    private boolean newGroup(Connection c, long brandId, HourlyCounts.Cell cell) {
        if (2 * counts.busiestStore(c, brandId, cell.scope(), cell.hour()) > cell.posts()) {
            return false;
        }
        java.util.Set<Long> posts = new java.util.HashSet<>(counts.posts(c, brandId, cell.scope(), cell.hour()));
        for (String other : proposals.scopesAt(c, brandId, cell.hour(), SimilarTexts.PREFIX)) {
            if (other.equals(cell.scope())) {
                return true; // proposed already: insert says so
            }
            long shared = counts.posts(c, brandId, other, cell.hour()).stream().filter(posts::contains).count();
            if (2 * shared >= posts.size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The scope's counts over the whole weeks before the hour's day (UTC), read as one range of the primary key: only
     * the hours with posts are stored, so a store reads a few hundred rows at most.
     */
    private History history(Connection c, long brandId, String scope, Instant hour) {
        Instant day = hour.truncatedTo(ChronoUnit.DAYS);
        History history = new History((int) Duration.between(day, hour).toHours(), settings.weeks());
        Sql.list(c, "SELECT at_hour, posts FROM inc_hourly WHERE brand_id = ? AND scope = ? AND at_hour >= ? AND at_hour < ?",
            rs -> {
                history.add(Duration.between(Sql.instant(rs, "at_hour"), hour).toHours(), rs.getInt("posts"));
                return null;
            }, brandId, scope, day.minus(WEEK.multipliedBy(settings.weeks())), day);
        return history;
    }
}
