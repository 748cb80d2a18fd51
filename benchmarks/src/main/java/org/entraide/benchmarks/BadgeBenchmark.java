package org.entraide.benchmarks;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.badges.internal.BadgeDefinition;
import org.entraide.badges.internal.BadgeDefinition.Texts;
import org.entraide.badges.internal.Badges;
import org.entraide.badges.internal.criteria.Criterion;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.camel.CamelContexts;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.security.PasswordHasher;

/**
 * The badges plugin on a brand with history: 50 badge definitions (the 22 shipped and 28 of the brand's), a
 * history of questions, answers, votes and acceptances written straight to the core's tables and outbox (as a
 * year of activity would have left them), then the plugin installed: its subscriber replays the whole history
 * from the first event (metrics, criteria, awards), and a full re-evaluation of the brand follows.
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.BadgeBenchmark
 *   [--db h2,postgres] [--events 1000000] [--members 20000] [--batch 500]</pre>
 */
public final class BadgeBenchmark {
    private static final int TAGS = 40;

    private final Map<String, String> args;

    private BadgeBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new BadgeBenchmark(args).run();
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Badge benchmark: %d processors, load %.2f%n", Runtime.getRuntime().availableProcessors(),
            MachineLoad.sample().loadAverage());
        criteriaInMemory();
        for (String db : args.getOrDefault("db", "h2,postgres").split(",")) {
            try (BenchDatabase database = "h2".equals(db) ? BenchDatabase.h2File(true)
                : BenchDatabase.postgres(args.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"))) {
                scenario(db, database.dataSource);
            }
        }
    }

    /** The criteria alone: 50 parsed criteria against a member's metrics, no database. */
    private void criteriaInMemory() {
        List<Criterion> criteria = definitions(1).stream().map(BadgeDefinition::parsed).toList();
        Map<String, Long> metrics = Map.of("answers", 57L, "answerScore", 312L, "acceptedAnswers", 9L, "questions", 4L,
            "questionScore", 11L, "score", 14L, "consecutiveDays", 6L);
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long n = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 3_000_000_000L) {
                for (Criterion c : criteria) {
                    if (c.test(m -> metrics.getOrDefault(m, 0L))) {
                        sink++;
                    }
                }
                n++;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (round == 1) {
                System.out.printf(Locale.ROOT, "criteria in memory | %d definitions evaluated %,.0f times per second "
                    + "(%,.0f criteria/s) (%d)%n", criteria.size(), n / seconds, n * criteria.size() / seconds, sink % 2);
            }
        }
    }

    private void scenario(String db, DataSource ds) throws Exception {
        int events = intArg("events", 1_000_000);
        int members = intArg("members", 20_000);
        Core core = new Core(ds, CoreSettings.defaults().withEventBatch(intArg("batch", 500)), (u, p) -> false,
            new PasswordHasher(64, 1), Clock.systemUTC());
        DefaultCamelContext camel = CamelContexts.create("bench", "127.0.0.1", freePort());
        camel.start();
        core.connect(camel);
        new DemoSeeder(core).seedIfAbsent();
        long brand = core.brands.find("demo").orElseThrow().id();
        List<Long> topics = core.db.inTransaction(c -> Sql.list(c, "SELECT id FROM topic WHERE brand_id = ?",
            rs -> rs.getLong(1), brand));
        long t0 = System.nanoTime();
        List<Long> users = insertMembers(core, brand, members);
        History history = new History(core, brand, users, topics);
        history.write(events);
        drain(core);
        System.out.printf(Locale.ROOT, "%s | history | %,d events (%,d questions, %,d answers, %,d votes, %,d acceptances) "
                + "by %,d members written and sequenced in %.1f s%n", db, history.written, history.questions.size(),
            history.answers.size(), history.votes, history.accepts, members, (System.nanoTime() - t0) / 1e9);

        Badges badges = new Badges(core.db, core.events, core.migrator, core.capabilities, core.endpoints,
            new org.entraide.badges.internal.CoreReads(core.platform, core.platform, core.platform, core.platform, core.eventReader), Path.of("config/entraide-badges.json"), 3_600_000, Clock.systemUTC());
        core.db.inTransaction(c -> {
            for (BadgeDefinition b : definitions(0)) {
                badges.definitions.save(c, brand, b, Instant.now());
            }
            return null;
        });
        int defined = core.db.inTransaction(c -> badges.definitions.of(c, brand).size());
        core.capabilities.install(badges.capability);
        core.capabilities.setDirectly(brand, "badges", true);
        camel.addRoutes(badges.routes);
        long head = core.db.inTransaction(c -> core.eventStore.head(c));
        long r0 = System.nanoTime();
        core.dispatcher.register(badges.subscriber.descriptor());
        drain(core);
        double replay = (System.nanoTime() - r0) / 1e9;
        long awards = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM badge_award"));
        System.out.printf(Locale.ROOT, "%s | replay | %d definitions, %,d events replayed from the first in %.1f s: "
            + "%,.0f events/s; %,d awards%n", db, defined, head, replay, head / replay, awards);

        long holders = core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM (SELECT DISTINCT user_id, scope FROM badge_metric WHERE brand_id = ?) x", brand));
        long e0 = System.nanoTime();
        int changes = badges.catchUp.evaluateBrand(brand, null);
        double full = (System.nanoTime() - e0) / 1e9;
        System.out.printf(Locale.ROOT, "%s | full evaluation | %,d member-scopes x %d definitions in %.1f s "
            + "(%,.0f member-scopes/s), %d changes (0 expected after the replay)%n", db, holders, defined, full,
            holders / full, changes);
        core.disconnect();
        camel.stop();
    }

    /** Runs the dispatcher until every installed subscriber is at the head and every event is sequenced. */
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

    /** Members straight into the core's table: the benchmark is about badges, not about password hashing. */
    private static List<Long> insertMembers(Core core, long brand, int n) {
        return core.db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (id, brand_id, email, pseudonym, pseudonym_key, "
                + "password_hash, created_at) VALUES (?, ?, ?, ?, ?, 'x', ?)")) {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long id = 10_000_000L + i;
                    ps.setLong(1, id);
                    ps.setLong(2, brand);
                    ps.setString(3, "m" + i + "@bench.example");
                    ps.setString(4, "Membre" + i);
                    ps.setString(5, "membre" + i);
                    ps.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.addBatch();
                    ids.add(id);
                }
                ps.executeBatch();
                return ids;
            }
        });
    }

    /** 50 definitions: offset 1 gives all of them (for the in-memory test), offset 0 only the 28 added ones. */
    private static List<BadgeDefinition> definitions(int withShipped) {
        List<BadgeDefinition> out = new ArrayList<>();
        String[] criteria = {"topic.answers >= %d", "topic.answerScore >= %d and topic.answers >= %d",
            "tag.answers >= %d", "tag.answerScore >= %d and tag.acceptedAnswers >= %d", "user.answers >= %d",
            "user.answerScore >= %d or user.acceptedAnswers >= %d"};
        for (int i = 0; out.size() < 28; i++) {
            String criterion = String.format(Locale.ROOT, criteria[i % criteria.length], 5 + i * 3, 2 + i);
            out.add(new BadgeDefinition("bench-" + i, new Texts("Badge " + i, "Badge " + i), new Texts("Banc", "Bench"),
                List.of("bronze", "silver", "gold").get(i % 3), false, i % 4 == 0, false, criterion));
        }
        if (withShipped == 1) {
            try {
                out.addAll(org.entraide.badges.internal.Definitions.parseFile(java.nio.file.Files.readAllBytes(Path.of("config/entraide-badges.json"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Questions, answers, votes and acceptances, written in the core's tables and outbox by batches. */
    private static final class History {
        final Core core;
        final long brand;
        final List<Long> users;
        final List<Long> topics;
        final Random random = new Random(7);
        final List<long[]> questions = new ArrayList<>();
        final List<long[]> answers = new ArrayList<>();
        int votes;
        int accepts;
        int written;
        long nextPost = 50_000_000L;

        History(Core core, long brand, List<Long> users, List<Long> topics) {
            this.core = core;
            this.brand = brand;
            this.users = users;
            this.topics = topics;
        }

        void write(int events) {
            while (written < events) {
                int n = Math.min(2000, events - written);
                core.db.inTransaction(c -> {
                    batch(c, n);
                    return null;
                });
            }
        }

        private long someone() {
            // a few very active members, many occasional ones
            return users.get((int) Math.floor(Math.pow(random.nextDouble(), 2) * users.size()));
        }

        private void batch(Connection c, int n) throws Exception {
            try (PreparedStatement post = c.prepareStatement("INSERT INTO post (id, brand_id, post_type, parent_id, author_id, "
                + "title, body, topic_id, publication, official, show_author, score, up_votes, down_votes, answer_count, "
                + "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 'b', ?, 'PUBLISHED', FALSE, TRUE, 0, 0, 0, 0, ?, ?, 0)");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO post_tag (post_id, tag) VALUES (?, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO domain_event (brand_id, event_type, occurred_at, "
                     + "actor_id, subject_type, subject_id, payload, schema_version) VALUES (?, ?, ?, ?, 'post', ?, ?, 1)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = 0; i < n; i++) {
                    int kind = random.nextInt(100);
                    if (questions.isEmpty() || kind < 10) {
                        long id = nextPost++;
                        long author = someone();
                        long topic = topics.get(random.nextInt(topics.size()));
                        String t = "tag" + random.nextInt(TAGS);
                        postRow(post, id, "QUESTION", null, author, topic, now);
                        tag.setLong(1, id);
                        tag.setString(2, t);
                        tag.addBatch();
                        questions.add(new long[] {id, author});
                        event(event, "post.published", author, id, "{\"postId\":" + id + ",\"postType\":\"QUESTION\",\"authorId\":"
                            + author + ",\"topicId\":" + topic + ",\"tags\":[\"" + t + "\"]}", now);
                    } else if (answers.isEmpty() || kind < 40) {
                        long[] q = questions.get(random.nextInt(questions.size()));
                        long id = nextPost++;
                        long author = someone();
                        postRow(post, id, "ANSWER", q[0], author, null, now);
                        answers.add(new long[] {id, author, q[0], q[1]});
                        event(event, "post.published", author, id, "{\"postId\":" + id + ",\"postType\":\"ANSWER\",\"authorId\":"
                            + author + ",\"parentId\":" + q[0] + ",\"tags\":[]}", now);
                    } else if (kind < 95) {
                        boolean onAnswer = random.nextInt(4) > 0;
                        long[] p = onAnswer ? answers.get(random.nextInt(answers.size())) : questions.get(random.nextInt(questions.size()));
                        int value = random.nextInt(10) == 0 ? -1 : 1;
                        event(event, "vote.cast", someone(), p[0], "{\"postId\":" + p[0] + ",\"postType\":\""
                            + (onAnswer ? "ANSWER" : "QUESTION") + "\",\"postAuthorId\":" + p[1] + ",\"voterId\":0,\"value\":"
                            + value + ",\"previous\":0}", now);
                        votes++;
                    } else {
                        long[] a = answers.get(random.nextInt(answers.size()));
                        event(event, "answer.accepted", a[3], a[2], "{\"questionId\":" + a[2] + ",\"answerId\":" + a[0]
                            + ",\"answerAuthorId\":" + a[1] + ",\"questionAuthorId\":" + a[3] + "}", now);
                        accepts++;
                    }
                    written++;
                }
                post.executeBatch();
                tag.executeBatch();
                event.executeBatch();
            }
        }

        private void postRow(PreparedStatement ps, long id, String type, Long parent, long author, Long topic,
                             OffsetDateTime now) throws Exception {
            ps.setLong(1, id);
            ps.setLong(2, brand);
            ps.setString(3, type);
            if (parent == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, parent);
            }
            ps.setLong(5, author);
            ps.setString(6, parent == null ? "Question " + id : null);
            if (topic == null) {
                ps.setNull(7, java.sql.Types.BIGINT);
            } else {
                ps.setLong(7, topic);
            }
            ps.setObject(8, now);
            ps.setObject(9, now);
            ps.addBatch();
        }

        private void event(PreparedStatement ps, String type, long actor, long subject, String payload, OffsetDateTime now)
            throws Exception {
            ps.setLong(1, brand);
            ps.setString(2, type);
            ps.setObject(3, now);
            ps.setLong(4, actor);
            ps.setLong(5, subject);
            ps.setString(6, payload);
            ps.addBatch();
        }
    }
}
