package org.entraide.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.entraide.reputation.internal.board.Period;
import org.entraide.reputation.internal.board.Standings;
import org.entraide.reputation.internal.board.Standings.Board;
import org.entraide.reputation.internal.board.Standings.Standing;
import org.flywaydb.core.Flyway;
import org.HdrHistogram.Histogram;

/**
 * The reputation plugin's leaderboard reads at scale, on PostgreSQL: a brand with 1,000,000 members and a
 * ledger of 50,000,000 entries spread over two years, its month and week boards and 20 topic boards, all
 * derived from that ledger. Measures what {@code GET /leaderboard} does in its transaction: a top-100 page
 * (with the member count and ranks), and one member's rank with two members above and below.
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.LeaderboardBenchmark
 *   [--members 1000000] [--entries 50000000] [--iterations 5000] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
 *   [--keep]</pre>
 *
 * The database {@code entraide_bench_leaderboard_<members>_<entries>} is generated once (about 10 to 30 minutes
 * on two cores) and, with {@code --keep}, kept for the next run; otherwise dropped at the end.
 */
public final class LeaderboardBenchmark {
    private static final int TOPICS = 20;
    private static final long BRAND = 1;

    private LeaderboardBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        long members = 1_000_000;
        long entries = 50_000_000;
        int iterations = 5000;
        boolean keep = false;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--members" -> members = Long.parseLong(argv[++i]);
                case "--entries" -> entries = Long.parseLong(argv[++i]);
                case "--iterations" -> iterations = Integer.parseInt(argv[++i]);
                case "--pg-url" -> adminUrl = argv[++i];
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + argv[i]);
            }
        }
        String name = "entraide_bench_leaderboard_" + members + "_" + entries;
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        System.out.printf(Locale.ROOT, "Leaderboard benchmark: %,d members, %,d ledger entries, %d processors, load %.2f%n",
            members, entries, Runtime.getRuntime().availableProcessors(), MachineLoad.sample().loadAverage());
        boolean created = createIfAbsent(adminUrl, name);
        try {
            try (Connection c = DriverManager.getConnection(url)) {
                if (created || !complete(c)) {
                    new Generator(c, url, members, entries).run();
                } else {
                    System.out.println("reusing " + name);
                }
                c.setAutoCommit(false);
                c.setReadOnly(true);
                measure(c, members, iterations);
            }
        } finally {
            if (!keep) {
                try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    private static boolean createIfAbsent(String adminUrl, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (rs.next()) {
                return false;
            }
            s.execute("CREATE DATABASE " + name);
            return true;
        }
    }

    private static boolean complete(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'bench_complete'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static void measure(Connection c, long members, int iterations) throws SQLException {
        Instant now = Instant.now();
        List<Board> boards = List.of(new Board(BRAND, Period.ALL.key(now), ""), new Board(BRAND, Period.MONTH.key(now), ""),
            new Board(BRAND, Period.WEEK.key(now), ""), new Board(BRAND, Period.ALL.key(now), "topic:1"));
        Standings standings = new Standings();
        System.out.println();
        System.out.println("| Board | members on it | operation | p50 ms | p90 ms | p99 ms | max ms | samples |");
        System.out.println("|---|--:|---|--:|--:|--:|--:|--:|");
        for (Board board : boards) {
            long onBoard = standings.members(c, board);
            c.commit();
            List<Long> sample = sampleMembers(c, board, 10_000);
            Histogram top = new Histogram(3_600_000_000L, 3);
            Histogram rank = new Histogram(3_600_000_000L, 3);
            Random random = new Random(42);
            for (int i = -iterations / 5; i < iterations; i++) {
                long t0 = System.nanoTime();
                standings.members(c, board);
                standings.rankedPage(c, board, standings.top(c, board, 0, 100), 0);
                c.commit();
                long t1 = System.nanoTime();
                long userId = sample.get(random.nextInt(sample.size()));
                Standing me = standings.of(c, board, userId).orElseThrow();
                standings.ranked(c, board, List.of(me));
                standings.ranked(c, board, standings.above(c, board, me, 2));
                standings.ranked(c, board, standings.below(c, board, me, 2));
                c.commit();
                long t2 = System.nanoTime();
                if (i >= 0) {
                    top.recordValue((t1 - t0) / 1000);
                    rank.recordValue((t2 - t1) / 1000);
                }
            }
            String label = board.period() + (board.scope().isEmpty() ? " (whole brand)" : " " + board.scope());
            row(label, onBoard, "top-100 page with ranks and member count", top);
            row(label, onBoard, "a member's rank, 2 above and 2 below", rank);
        }
        System.out.printf(Locale.ROOT, "%nload at end %.2f%n", MachineLoad.sample().loadAverage());
    }

    private static void row(String board, long onBoard, String operation, Histogram h) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.2f | %.2f | %.2f | %.2f | %d |%n", board, onBoard, operation,
            h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0, h.getTotalCount());
    }

    /** Members of the board picked uniformly, so that ranks are asked across the whole board, not only its top. */
    private static List<Long> sampleMembers(Connection c, Board board, int n) throws SQLException {
        String sql = board.period().equals("all") && board.scope().isEmpty()
            ? "SELECT user_id FROM reputation_user TABLESAMPLE BERNOULLI (5) WHERE brand_id = 1 LIMIT " + n
            : "SELECT user_id FROM reputation_board TABLESAMPLE BERNOULLI (5) WHERE brand_id = 1 AND period = '"
                + board.period() + "' AND scope = '" + board.scope() + "' LIMIT " + n;
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        c.commit();
        if (ids.isEmpty()) {
            throw new IllegalStateException("board " + board + " is empty");
        }
        return ids;
    }

    /** Fills the plugin's own schema (its Flyway migrations) the way the event subscriber would have. */
    private static final class Generator {
        private final Connection c;
        private final String url;
        private final long members;
        private final long entries;

        Generator(Connection c, String url, long members, long entries) {
            this.c = c;
            this.url = url;
            this.members = members;
            this.entries = entries;
        }

        void run() throws SQLException {
            // the core's schema too: reputation's migrations read the core's post table (V7, complaints made private).
            // Each owner has its own history in a shared schema, as FlywayMigrator does it.
            for (String owner : List.of("core", "reputation")) {
                Flyway.configure(LeaderboardBenchmark.class.getClassLoader()).dataSource(url, null, null)
                    .locations("classpath:db/" + owner).table("flyway_" + owner).baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            }
            Instant now = Instant.now();
            String month = Period.MONTH.key(now);
            String week = Period.WEEK.key(now);
            // indexes are built once after the bulk load, not maintained row by row
            step("drop ledger indexes for the load", "DROP INDEX reputation_entry_user_ix; DROP INDEX reputation_entry_post_ix; "
                + "DROP INDEX reputation_entry_day_ix; DROP INDEX reputation_entry_brand_ix; DROP INDEX reputation_entry_reverses_uk");
            long posts = Math.max(1, entries / 10);
            step(String.format(Locale.ROOT, "%,d posts in %d topics", posts, TOPICS),
                "INSERT INTO reputation_post (post_id, brand_id, topic_id, parent_id) SELECT g, 1, 1 + g % " + TOPICS
                    + ", NULL FROM generate_series(1, " + posts + ") g");
            long chunk = 5_000_000;
            for (long from = 1; from <= entries; from += chunk) {
                long to = Math.min(entries, from + chunk - 1);
                // the most active members earn most: user ids drawn with a cubic skew; two years of history
                step(String.format(Locale.ROOT, "ledger entries %,d to %,d", from, to),
                    "INSERT INTO reputation_entry (brand_id, user_id, amount, rule_points, reason, event_id, post_id, actor_id, "
                        + "occurred_at, cap_day, cappable, capped, reversed) SELECT 1, u, a, a, CASE a WHEN 10 THEN 'answer-upvoted' "
                        + "WHEN 5 THEN 'question-upvoted' WHEN 15 THEN 'answer-accepted' ELSE 'answer-downvoted' END, g, p, NULL, t, "
                        + "CAST(t AS DATE), TRUE, FALSE, FALSE FROM (SELECT g, 1 + FLOOR(POWER(random(), 3) * " + members
                        + ")::BIGINT AS u, (ARRAY[10,10,10,10,10,10,5,5,15,-2])[1 + FLOOR(random() * 10)::INT] AS a, "
                        + "1 + FLOOR(random() * " + posts + ")::BIGINT AS p, now() - random() * INTERVAL '730 days' AS t "
                        + "FROM generate_series(" + from + ", " + to + ") g) x");
            }
            step("ledger indexes", "CREATE INDEX reputation_entry_user_ix ON reputation_entry (user_id, id); "
                + "CREATE INDEX reputation_entry_post_ix ON reputation_entry (post_id, actor_id); "
                + "CREATE INDEX reputation_entry_day_ix ON reputation_entry (user_id, cap_day); "
                + "CREATE INDEX reputation_entry_brand_ix ON reputation_entry (brand_id, id); "
                + "CREATE UNIQUE INDEX reputation_entry_reverses_uk ON reputation_entry (reverses_id)");
            step(String.format(Locale.ROOT, "%,d members with their reputation summed from the ledger", members),
                "INSERT INTO reputation_user (user_id, brand_id, points, registered_at, staff_roles, updated_at, pseudonym) "
                    + "SELECT g, 1, GREATEST(1, 1 + COALESCE(s.total, 0)), now() - INTERVAL '800 days', '', now(), 'member' || g "
                    + "FROM generate_series(1, " + members + ") g LEFT JOIN (SELECT user_id, SUM(amount) AS total "
                    + "FROM reputation_entry GROUP BY user_id) s ON s.user_id = g");
            step("month and week boards", "INSERT INTO reputation_board (brand_id, period, scope, user_id, points) "
                + "SELECT 1, '" + month + "', '', user_id, SUM(amount) FROM reputation_entry WHERE occurred_at >= "
                + "date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' GROUP BY user_id HAVING SUM(amount) <> 0; "
                + "INSERT INTO reputation_board (brand_id, period, scope, user_id, points) "
                + "SELECT 1, '" + week + "', '', user_id, SUM(amount) FROM reputation_entry WHERE occurred_at >= "
                + "date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' GROUP BY user_id HAVING SUM(amount) <> 0");
            step("all-time topic boards", "INSERT INTO reputation_board (brand_id, period, scope, user_id, points) "
                + "SELECT 1, 'all', 'topic:' || p.topic_id, e.user_id, SUM(e.amount) FROM reputation_entry e "
                + "JOIN reputation_post p ON p.post_id = e.post_id GROUP BY p.topic_id, e.user_id HAVING SUM(e.amount) <> 0");
            step("tallies of members per score", "INSERT INTO reputation_board_tally (brand_id, period, scope, points, members) "
                + "SELECT brand_id, period, scope, points, COUNT(*) FROM reputation_board GROUP BY brand_id, period, scope, points; "
                + "INSERT INTO reputation_board_tally (brand_id, period, scope, points, members) "
                + "SELECT brand_id, 'all', '', points, COUNT(*) FROM reputation_user GROUP BY brand_id, points");
            step("vacuum analyze", "VACUUM ANALYZE");
            step("mark complete", "CREATE TABLE bench_complete (done BOOLEAN)");
        }

        private void step(String what, String sql) throws SQLException {
            long t0 = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String one : sql.split("; ")) {
                    s.execute(one);
                }
            }
            System.out.printf(Locale.ROOT, "  %s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        }
    }
}
