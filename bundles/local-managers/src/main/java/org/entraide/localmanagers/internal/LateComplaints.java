package org.entraide.localmanagers.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.api.metrics.Gauge;
import org.entraide.api.metrics.MetricSource;
import org.entraide.api.model.Brand;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * The complaints past their deadline and still unanswered, per brand, for the platform's metrics: the figure a central
 * team watches on its dashboard, for alerting. Brands with none are listed with 0 so that a graph drops to zero.
 */
public final class LateComplaints implements MetricSource {
    static final String NAME = "entraide_complaints_late";

    private final Transactions tx;
    private final Platform platform;
    private final Clock clock;

    LateComplaints(Transactions tx, Platform platform, Clock clock) {
        this.tx = tx;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public List<Gauge> gauges() {
        List<Gauge.Sample> samples = tx.inTransaction(c -> {
            List<long[]> counts = Sql.list(c, "SELECT brand_id, SUM(CASE WHEN responded_at IS NULL AND due_at < ? THEN 1 "
                + "ELSE 0 END) FROM lm_assignment GROUP BY brand_id ORDER BY brand_id",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, clock.instant());
            List<Gauge.Sample> out = new ArrayList<>();
            for (long[] row : counts) {
                platform.brands().byId(c, row[0]).map(Brand::slug)
                    .ifPresent(slug -> out.add(new Gauge.Sample(Map.of("brand", slug), row[1])));
            }
            return out;
        });
        return List.of(new Gauge(NAME, "Complaints past their deadline and not answered, per brand", samples));
    }
}
