package org.entraide.benchmarks;

import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.camel.CamelContexts;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.localmanagers.internal.LocalManagers;
import org.entraide.localmanagers.internal.Rankings;
import org.entraide.localmanagers.internal.Routing;

/**
 * Local managers at the scale of a national retailer, on PostgreSQL: 2,000 stores, 100,000 complaints filed
 * with them (written to the core's tables and outbox as the core would), routed by the plugin's subscriber (a
 * manager and persisted deadlines in each store's opening hours per complaint), then 12 months of responses and
 * verdicts, and the ranking of the 2,000 stores and of the brand computed from them.
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.LocalManagersBenchmark
 *   [--stores 2000] [--complaints 100000] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]</pre>
 */
public final class LocalManagersBenchmark {
    private LocalManagersBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        int storeCount = Integer.parseInt(args.getOrDefault("stores", "2000"));
        int complaints = Integer.parseInt(args.getOrDefault("complaints", "100000"));
        System.out.printf(Locale.ROOT, "Local managers benchmark: %,d stores, %,d complaints, %d processors, load %.2f%n",
            storeCount, complaints, Runtime.getRuntime().availableProcessors(), MachineLoad.sample().loadAverage());
        try (BenchDatabase db = BenchDatabase.postgres(args.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"))) {
            Core core = new Core(db.dataSource, CoreSettings.defaults().withEventBatch(500), (u, p) -> false,
                new PasswordHasher(64, 1), Clock.systemUTC());
            DefaultCamelContext camel = CamelContexts.create("bench", "127.0.0.1", freePort());
            camel.start();
            core.connect(camel);
            new DemoSeeder(core).seedIfAbsent();
            long brand = core.brands.find("demo").orElseThrow().id();
            long author = core.db.inTransaction(c -> Sql.count(c, "SELECT id FROM app_user WHERE email = 'customer@demo.example'"));
            List<Long> stores = insertStores(core, brand, storeCount);

            LocalManagers plugin = LocalManagers.start(new LocalManagers.CoreServices(core.db, core.events, core.migrator,
                core.endpoints, new org.entraide.localmanagers.internal.Platform(core.platform, core.platform, core.platform,
                    core.platform, core.complaintMoves, core.eventReader), core.mail, core.capabilities),
                Routing.Settings.defaults(), Rankings.Formula.defaults(), 3_600_000, Clock.systemUTC());
            core.capabilities.install(plugin.capability);
            core.capabilities.setDirectly(brand, "local-managers", true);
            camel.addRoutes(plugin.background);
            core.dispatcher.register(plugin.subscriber.descriptor());

            long t0 = System.nanoTime();
            fileComplaints(core, brand, author, stores, complaints);
            double written = (System.nanoTime() - t0) / 1e9;
            long r0 = System.nanoTime();
            drain(core);
            double routed = (System.nanoTime() - r0) / 1e9;
            long assigned = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM lm_assignment"));
            System.out.printf(Locale.ROOT, "routing | %,d complaints filed in %.1f s; routed with their deadlines in %.1f s: "
                + "%,.0f complaints/s (%,d assignments)%n", complaints, written, routed, assigned / routed, assigned);

            // twelve months of answers and verdicts
            core.db.inTransaction(c -> {
                Sql.update(c, "UPDATE lm_assignment SET filed_at = filed_at - (random() * INTERVAL '365 days')");
                Sql.update(c, "UPDATE lm_assignment SET due_at = filed_at + INTERVAL '2 days', "
                    + "responded_at = CASE WHEN random() < 0.9 THEN filed_at + (random() * INTERVAL '4 days') END");
                Sql.update(c, "UPDATE lm_assignment SET resolved = random() < 0.7, rating = floor(random() * 11)::int, "
                    + "would_buy_again = random() < 0.6, evaluated_at = responded_at + INTERVAL '1 day' "
                    + "WHERE responded_at IS NOT NULL AND random() < 0.8");
                Sql.update(c, "ANALYZE lm_assignment");
                return null;
            });
            Rankings.Formula f = Rankings.Formula.defaults();
            List<Double> storesMs = new ArrayList<>();
            List<Double> brandMs = new ArrayList<>();
            int listed = 0;
            for (int i = 0; i < 7; i++) {
                Instant now = Instant.now();
                long s0 = System.nanoTime();
                listed = core.db.inTransaction(c -> plugin.rankings.stores(c, brand, now.minusSeconds(365L * 86400), now, f)).size();
                long s1 = System.nanoTime();
                core.db.inTransaction(c -> plugin.rankings.brand(c, brand, now.minusSeconds(365L * 86400), now, f));
                long s2 = System.nanoTime();
                if (i >= 2) {
                    storesMs.add((s1 - s0) / 1e6);
                    brandMs.add((s2 - s1) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "ranking | %,d stores over 12 months (%,d complaints): stores %s ms, brand %s ms "
                + "(5 runs after 2 warm-up)%n", listed, complaints, storesMs, brandMs);
            System.out.printf(Locale.ROOT, "load at end %.2f%n", MachineLoad.sample().loadAverage());
            core.disconnect();
            camel.stop();
        }
    }

    private static List<Long> insertStores(Core core, long brand, int n) {
        return core.db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO store (id, brand_id, code, name, city, postal_code) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long id = 1_000_000L + i;
                    ps.setLong(1, id);
                    ps.setLong(2, brand);
                    ps.setString(3, "S" + i);
                    ps.setString(4, "Magasin " + i);
                    ps.setString(5, "Ville " + (i % 400));
                    ps.setString(6, String.format(Locale.ROOT, "%05d", 1000 + i));
                    ps.addBatch();
                    ids.add(id);
                }
                ps.executeBatch();
            }
            return ids;
        });
    }

    private static void fileComplaints(Core core, long brand, long author, List<Long> stores, int n) {
        for (int done = 0; done < n; done += 2000) {
            int from = done;
            int count = Math.min(2000, n - done);
            core.db.inTransaction(c -> {
                try (PreparedStatement post = c.prepareStatement("INSERT INTO post (id, brand_id, post_type, author_id, title, body, "
                    + "store_id, publication, official, show_author, score, up_votes, down_votes, answer_count, complaint_status, "
                    + "created_at, updated_at, version) VALUES (?, ?, 'COMPLAINT', ?, ?, 'b', ?, 'PUBLISHED', FALSE, FALSE, 0, 0, 0, 0, "
                    + "'OPEN', ?, ?, 0)");
                     PreparedStatement event = c.prepareStatement("INSERT INTO domain_event (brand_id, event_type, occurred_at, "
                         + "actor_id, subject_type, subject_id, payload, schema_version) VALUES (?, 'complaint.filed', ?, ?, 'post', ?, ?, 1)")) {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (int i = from; i < from + count; i++) {
                        long id = 90_000_000L + i;
                        long store = stores.get(i % stores.size());
                        post.setLong(1, id);
                        post.setLong(2, brand);
                        post.setLong(3, author);
                        post.setString(4, "Réclamation " + i);
                        post.setLong(5, store);
                        post.setObject(6, now);
                        post.setObject(7, now);
                        post.addBatch();
                        event.setLong(1, brand);
                        event.setObject(2, now);
                        event.setLong(3, author);
                        event.setLong(4, id);
                        event.setString(5, "{\"complaintId\":" + id + ",\"authorId\":" + author + ",\"storeId\":" + store + "}");
                        event.addBatch();
                    }
                    post.executeBatch();
                    event.executeBatch();
                }
                return null;
            });
        }
    }

    private static void drain(Core core) {
        while (true) {
            core.dispatcher.runOnce();
            long lag = core.monitor.subscribers().stream().filter(s -> s.installed()).mapToLong(s -> s.lag()).max().orElse(0);
            if (lag == 0 && core.db.inTransaction(c -> Sql.count(c,
                "SELECT COUNT(*) FROM (SELECT 1 FROM domain_event WHERE seq IS NULL FETCH FIRST 1 ROWS ONLY) x")) == 0) {
                return;
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
