package org.entraide.benchmarks;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;


import org.HdrHistogram.Histogram;
import org.entraide.api.model.Brand;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.mail.MailSettings;
import org.entraide.jdbc.Sql;
import org.entraide.notifications.internal.NotificationCapability;
import org.entraide.notifications.internal.NotificationSettings;
import org.entraide.notifications.internal.NotificationsBench;
import org.entraide.notifications.internal.NotificationsPlugin;
import org.entraide.notifications.internal.Platform;

/**
 * Notifications at scale (issue 14), on H2 (file, WRITE_DELAY=0) and PostgreSQL, each with the real core (REST on
 * Jetty, event dispatcher and mail sender on their timers) and the notifications plugin:
 * <ol>
 * <li>fan-out: a question in a topic watched by {@code --members} members (accounts written with SQL), timed from the
 * question's commit to its notifications' commit, while 4 clients read a question over HTTP (p99 during the fan-out
 * against the same clients' idle p99);</li>
 * <li>SMTP: {@code --smtp} queued messages delivered by the core's mail sender to GreenMail on loopback, or to the
 * SMTP server at {@code --smtp-server host:port} (postfix's {@code smtp-sink}, see docs/benchmarks.md);</li>
 * <li>the daily digest of every member (one e-mail each, composed by the plugin's job), and its delivery to SMTP;</li>
 * <li>the bell: {@code --rows} notification rows bulk-loaded with SQL, then the unread count and the first page of
 * one member over HTTP, one client, requests one after the other.</li>
 * </ol>
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.NotificationsBenchmark
 *   [--db h2,postgres] [--members 100000] [--fanouts 3] [--smtp 5000] [--rows 10000000] [--seconds 10]
 *   [--phases fanout,smtp,digest,bell] [--delivery-limit 300] [--smtp-connections 8]
 *   [--smtp-server 127.0.0.1:2525] [--read-rate 0]</pre>
 */
public final class NotificationsBenchmark {
    private static final String TOPIC = "outillage";
    private static final int READERS = 4;

    private final Map<String, String> args;
    private final int members;
    private final int fanouts;
    private final int smtpMessages;
    private final long rows;
    private final Duration phase;
    private final List<String> phases;
    private final Duration deliveryLimit;
    /** Reads per second of the fan-out's readers, all together; 0: each reads again as soon as answered. */
    private final double readRate;

    private NotificationsBenchmark(Map<String, String> args) {
        this.args = args;
        this.members = Integer.parseInt(args.getOrDefault("members", "100000"));
        this.fanouts = Integer.parseInt(args.getOrDefault("fanouts", "3"));
        this.smtpMessages = Integer.parseInt(args.getOrDefault("smtp", "5000"));
        this.rows = Long.parseLong(args.getOrDefault("rows", "10000000"));
        this.phase = Duration.ofSeconds(Long.parseLong(args.getOrDefault("seconds", "10")));
        this.phases = List.of(args.getOrDefault("phases", "fanout,smtp,digest,bell").split(","));
        this.deliveryLimit = Duration.ofSeconds(Long.parseLong(args.getOrDefault("delivery-limit", "300")));
        this.readRate = Double.parseDouble(args.getOrDefault("read-rate", "0"));
    }

    public static void main(String[] argv) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        NotificationsBenchmark bench = new NotificationsBenchmark(args);
        System.out.printf(Locale.ROOT, "Notifications benchmark: %,d members, %,d rows, %d processors, Java %s, load %.2f%n",
            bench.members, bench.rows, Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
            MachineLoad.sample().loadAverage());
        for (String db : args.getOrDefault("db", "h2,postgres").split(",")) {
            try (BenchDatabase database = db.equals("postgres")
                ? BenchDatabase.postgres(args.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"))
                : BenchDatabase.h2File(true)) {
                bench.run(db, database);
            }
        }
    }

    /** A clock the digest job reads: moved a day on, so that every waiting digest is due. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private void run(String name, BenchDatabase db) throws Exception {
        SmtpServer smtp = args.containsKey("smtp-server") ? SmtpServer.external(args.get("smtp-server")) : SmtpServer.greenMail();
        MailSettings mail = MailSettings.defaults().withSmtp("smtp://" + smtp.address())
            .withPoll(Duration.ofMillis(100)).withFrom("entraide@bench.example")
            .withSmtpConnections(Integer.parseInt(args.getOrDefault("smtp-connections", "8")));
        try (CoreServer server = new CoreServer(db.dataSource, CoreSettings.defaults().withMail(mail))) {
            Core core = server.core;
            smtp.countSentBy(core);
            System.out.println("== " + name + ": " + db.url + ", SMTP server " + smtp.describe());
            Fixture fixture = Fixture.seed(core, READERS, 10);
            Brand brand = core.brands.find(Fixture.BRAND).orElseThrow();
            MovableClock clock = new MovableClock();
            var p = core.platform;
            NotificationsPlugin plugin = new NotificationsPlugin(core.db, core.migrator, core.endpoints, core.capabilities,
                new Platform(p, p, p, p, core.eventReader, core.contributions), core.mail,
                new NotificationSettings("https://entraide.example", null, Duration.ofMinutes(10), "fr", Duration.ofHours(1)),
                clock);
            core.capabilities.install(new NotificationCapability());
            core.capabilities.setDirectly(brand.id(), "notifications", true);
            server.addRoutes(plugin);
            core.dispatcher.register(plugin.descriptor());
            server.connect();
            waitForDispatch(core);

            // the digest phase sends the notifications the fan-outs left waiting
            fanOut(server, brand, fixture, smtp);
            if (phases.contains("smtp")) {
                smtpThroughput(core, brand, smtp);
            }
            if (phases.contains("digest")) {
                digests(core, plugin, clock, smtp);
            }
            if (phases.contains("bell")) {
                bell(server, brand);
            }
            System.out.printf(Locale.ROOT, "load at end %.2f%n", MachineLoad.sample().loadAverage());
        } finally {
            smtp.stop();
        }
    }

    // ---- (a) fan-out while a question is read

    private void fanOut(CoreServer server, Brand brand, Fixture fixture, SmtpServer smtp) throws Exception {
        Core core = server.core;
        long t0 = System.nanoTime();
        core.db.inTransaction(c -> Sql.update(c, "INSERT INTO topic (brand_id, slug, name) VALUES (?, ?, ?)", brand.id(), TOPIC,
            "Outillage"));
        List<Long> ids = insertMembers(core, brand.id(), members);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        for (int from = 0; from < ids.size(); from += 5000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 5000));
            core.db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_follow (brand_id, member_id, target_type, "
                    + "target_key, level, created_at) VALUES (?, ?, 'topic', ?, 'watching', ?)")) {
                    for (long id : chunk) {
                        ps.setLong(1, brand.id());
                        ps.setLong(2, id);
                        ps.setString(3, TOPIC);
                        ps.setObject(4, before);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        analyze(core);
        System.out.printf(Locale.ROOT, "setup | %,d members and their follows of topic '%s' written in %.1f s%n", members, TOPIC,
            (System.nanoTime() - t0) / 1e9);

        String path = "/api/v1/brands/" + Fixture.BRAND + "/questions/" + fixture.readQuestion;
        byte[] read = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port + "\r\nAccept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        Readers warm = Readers.start(server.port, read, READERS, readRate);
        Thread.sleep(phase.toMillis());
        warm.stop();
        Readers idle = Readers.start(server.port, read, READERS, readRate);
        Thread.sleep(phase.toMillis());
        Histogram idleHist = idle.stop();
        System.out.printf(Locale.ROOT, "read idle | %d clients%s, %,d reads in %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
            + "%d errors%n", READERS, readRate > 0 ? String.format(Locale.ROOT, " at %,.0f reads/s", readRate) : " in a closed loop",
            idleHist.getTotalCount(), phase.toSeconds(), ms(idleHist, 50), ms(idleHist, 99),
            idleHist.getMaxValue() / 1e6, idle.errors());

        var asker = core.accounts.authenticate("Bearer " + core.accounts.login(Fixture.BRAND, "asker@bench.example",
            "bench-password").token()).orElseThrow();
        for (int k = 0; k < fanouts; k++) {
            Readers during = Readers.start(server.port, read, READERS, readRate);
            long start = System.nanoTime();
            long question = core.questions.ask(asker, brand, "Quelle perceuse pour du béton, essai " + k + " ?",
                "Je dois fixer des étagères sur un mur en béton de 20 cm.", TOPIC, List.of()).id();
            // the job's row says when its last chunk committed: counting the notifications every 20 ms instead read
            // up to 100,000 rows each time, allocating more than the fan-out itself (H2's GC pauses were the probe's)
            while (core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_fanout WHERE event_id = "
                + "(SELECT MAX(id) FROM domain_event WHERE subject_id = ? AND event_type = 'post.published') "
                + "AND kind = 'question.posted' AND done_at IS NOT NULL", question)) == 0) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Histogram h = during.stop();
            long written = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_notification WHERE event_id = "
                + "(SELECT MAX(id) FROM domain_event WHERE subject_id = ? AND event_type = 'post.published') "
                + "AND kind = 'question.posted'", question));
            if (written != members) {
                throw new IllegalStateException("the fan-out wrote " + written + " notifications for " + members + " followers");
            }
            System.out.printf(Locale.ROOT, "fan-out %d | %,d notifications committed %.2f s after the question (%,.0f /s); "
                    + "reads during it: %,d, p50 %.2f ms, p99 %.2f ms (%.2f x idle), max %.2f ms, %d errors; load %.2f%n",
                k + 1, written, seconds, written / seconds, h.getTotalCount(), ms(h, 50), ms(h, 99), ms(h, 99) / ms(idleHist, 99),
                h.getMaxValue() / 1e6, during.errors(), MachineLoad.sample().loadAverage());
        }
        waitForDispatch(core);
    }

    private static List<Long> insertMembers(Core core, long brandId, int n) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        for (int from = 0; from < n; from += 5000) {
            int start = from;
            int end = Math.min(n, from + 5000);
            core.db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (brand_id, email, pseudonym, pseudonym_key, "
                    + "password_hash, created_at) VALUES (?, ?, ?, ?, 'x', ?)")) {
                    for (int i = start; i < end; i++) {
                        ps.setLong(1, brandId);
                        ps.setString(2, "m" + i + "@bench.example");
                        ps.setString(3, "Membre-" + i);
                        ps.setString(4, "membre-" + i);
                        ps.setObject(5, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        return core.db.inTransaction(c -> Sql.list(c, "SELECT id FROM app_user WHERE brand_id = ? AND email LIKE 'm%@bench.example' "
            + "ORDER BY id", rs -> rs.getLong(1), brandId));
    }

    // ---- (d) SMTP throughput

    private void smtpThroughput(Core core, Brand brand, SmtpServer smtp) throws Exception {
        int before = smtp.received();
        long opened = core.mailSender.smtpConnectionsOpened();
        long start = System.nanoTime();
        for (int from = 0; from < smtpMessages; from += 500) {
            int first = from;
            int end = Math.min(smtpMessages, from + 500);
            core.db.inTransaction(c -> {
                for (int i = first; i < end; i++) {
                    core.mail.queue(c, new OutgoingMail(brand.id(), "bench-" + i, "m" + i + "@bench.example",
                        "Message " + i, "Bonjour,\n\nun message de test.\n", "<p>Bonjour,</p><p>un message de test.</p>", Map.of()));
                }
                // held back while the rest is queued, so that the sender alone is timed
                Sql.update(c, "UPDATE mail_outbox SET next_attempt_at = ? WHERE mail_key LIKE 'bench-%' AND status = 'QUEUED'",
                    Instant.now().plus(Duration.ofDays(1)));
                return null;
            });
        }
        double queued = (System.nanoTime() - start) / 1e9;
        long sendStart = System.nanoTime();
        core.db.inTransaction(c -> Sql.update(c, "UPDATE mail_outbox SET next_attempt_at = ? WHERE mail_key LIKE 'bench-%' "
            + "AND status = 'QUEUED'", Instant.now()));
        int atSendStart = smtp.received();
        MachineLoad load = MachineLoad.sample();
        waitForOutbox(core, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        int received = smtp.received() - before;
        int timed = smtp.received() - atSendStart;
        System.out.printf(Locale.ROOT, "smtp | %,d messages queued in %.1f s (%,d delivered meanwhile); the other %,d delivered "
            + "to %s by %d sending threads in %.1f s: %,.0f messages/s (%,d received in all, %,d SMTP connections "
            + "opened); CPU busy %.0f %%, load %.2f%n", smtpMessages, queued, atSendStart - before, timed, smtp.describe(),
            core.mailSender.settings().smtpConnections(), seconds, timed / seconds, received,
            core.mailSender.smtpConnectionsOpened() - opened, 100 * MachineLoad.sample().busySince(load),
            MachineLoad.sample().loadAverage());
    }

    // ---- (c) daily digests

    private void digests(Core core, NotificationsPlugin plugin, MovableClock clock, SmtpServer smtp) throws Exception {
        long waiting = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(DISTINCT recipient_id) FROM ntf_notification "
            + "WHERE email_state = 'DAILY'"));
        int before = smtp.received();
        long opened = core.mailSender.smtpConnectionsOpened();
        // statistics as a running server's autovacuum keeps them (it is off on the benchmark machine): planned on the
        // empty tables of the set-up, PostgreSQL's cached plans scanned mail_outbox whole for each message queued
        AtomicBoolean analyzing = new AtomicBoolean(true);
        Thread autovacuum = new Thread(() -> {
            while (analyzing.get()) {
                analyze(core);
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-analyze");
        autovacuum.setDaemon(true);
        autovacuum.start();
        clock.advance(Duration.ofHours(25));
        long start = System.nanoTime();
        long composed = 0;
        int written;
        while ((written = NotificationsBench.digestsDue(plugin)) > 0) {
            composed += written;
            System.out.printf(Locale.ROOT, "  %,d digests composed in %.0f s%n", composed, (System.nanoTime() - start) / 1e9);
        }
        double composeSeconds = (System.nanoTime() - start) / 1e9;
        waitForOutbox(core, deliveryLimit);
        double total = (System.nanoTime() - start) / 1e9;
        analyzing.set(false);
        int received = smtp.received() - before;
        System.out.printf(Locale.ROOT, "digest | %,d members with notifications waiting: %,d digests composed and queued in %.1f s "
                + "(%,.0f /s); all handed to SMTP %.1f s after the start (%,d received, %,d SMTP connections opened); load %.2f%n",
            waiting, composed, composeSeconds, composed / composeSeconds, total, received,
            core.mailSender.smtpConnectionsOpened() - opened, MachineLoad.sample().loadAverage());
    }

    private static void waitForOutbox(Core core, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            long queued = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'QUEUED'"));
            if (queued == 0) {
                return;
            }
            Thread.sleep(100);
        }
        System.out.println("  (the outbox still had messages after " + limit.toSeconds() + " s)");
    }

    // ---- (b) the bell with millions of rows

    private void bell(CoreServer server, Brand brand) throws Exception {
        Core core = server.core;
        long member = core.accounts.register(Fixture.BRAND, "reader@bench.example", "bench-password", "Lecteur");
        String token = core.accounts.login(Fixture.BRAND, "reader@bench.example", "bench-password").token();
        long existing = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_notification"));
        long toLoad = Math.max(0, rows - existing);
        long t0 = System.nanoTime();
        boolean postgres = isPostgres(core);
        String range = postgres ? "(SELECT g FROM generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) AS s(g)) r"
            : "(SELECT X AS g FROM SYSTEM_RANGE(CAST(? AS BIGINT), CAST(? AS BIGINT))) r";
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
        long chunk = 100_000;
        for (long from = 1; from <= toLoad; from += chunk) {
            long lo = from;
            long hi = Math.min(toLoad, from + chunk - 1);
            // one member in 5,000 rows is the measured one (2,000 of 10 million), one row in 7 unread; the others'
            // rows come 100 at a time per member, so that the indexes on recipients grow at their end (loading
            // 10 million rows in random order took H2 over half an hour)
            core.db.inTransaction(c -> Sql.update(c, "INSERT INTO ntf_notification (brand_id, recipient_id, kind, event_id, "
                + "thread_type, thread_id, link_path, params, created_at, read_at, email_state) SELECT CAST(? AS BIGINT), "
                + "CASE WHEN MOD(g, 5000) = 0 THEN CAST(? AS BIGINT) ELSE 50000000 + g / 100 END, 'answer.posted', "
                + "200000000 + g, 'question', MOD(g, 50000), '/b/{brand}/questions/1', "
                + "'{\"title\":\"Quelle perceuse pour du béton ?\"}', CAST(? AS TIMESTAMP WITH TIME ZONE), "
                + "CASE WHEN MOD(g, 7) = 0 THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END, 'SENT' FROM " + range,
                brand.id(), member, at, at, lo, hi));
            if (hi % 1_000_000 == 0 || hi == toLoad) {
                System.out.printf(Locale.ROOT, "  loaded %,d rows (%.0f s)%n", hi, (System.nanoTime() - t0) / 1e9);
            }
        }
        analyze(core);
        // the bulk load's gigabytes written out now, as a server's checkpoints would have done long before
        core.db.inTransaction(c -> Sql.update(c, "CHECKPOINT"));
        long total = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_notification"));
        long mine = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_notification WHERE recipient_id = ?", member));
        System.out.printf(Locale.ROOT, "bell setup | %,d rows in ntf_notification (%,d loaded in %.0f s); the member has %,d%n",
            total, toLoad, (System.nanoTime() - t0) / 1e9, mine);
        String base = "/api/v1/brands/" + Fixture.BRAND + "/me/notifications";
        for (String[] w : new String[][] {{"bell count", base + "/count"}, {"first page (20, all)", base + "?size=20"},
            {"first page (20, unread)", base + "?size=20&unread=true"}}) {
            byte[] request = ("GET " + w[1] + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port + "\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            Readers.start(server.port, request, 1).stopAfter(Duration.ofSeconds(10));
            Readers r = Readers.start(server.port, request, 1);
            Histogram h = r.stopAfter(phase);
            System.out.printf(Locale.ROOT, "bell | %s: %,d requests in %d s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d errors; "
                + "load %.2f%n", w[0], h.getTotalCount(), phase.toSeconds(), ms(h, 50), ms(h, 99), h.getMaxValue() / 1e6,
                r.errors(), MachineLoad.sample().loadAverage());
        }
    }

    // ----

    private static boolean isPostgres(Core core) {
        return core.db.inTransaction(c -> c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }

    /**
     * What autovacuum does on a production server after a bulk write (the benchmark server runs without it): on
     * PostgreSQL, VACUUM sets the visibility map, without which counts read every row from the heap instead of the
     * index alone, then ANALYZE; H2 only analyzes.
     */
    private static void analyze(Core core) {
        if (!isPostgres(core)) {
            core.db.inTransaction(c -> Sql.update(c, "ANALYZE"));
            return;
        }
        try (java.sql.Connection c = core.db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction
            s.execute("VACUUM (ANALYZE) ntf_notification");
            s.execute("ANALYZE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForDispatch(Core core) throws InterruptedException {
        while (core.monitor.subscribers().stream().anyMatch(s -> s.installed() && s.lag() > 0)) {
            Thread.sleep(50);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** Clients reading in a closed loop on their own connections until stopped; latencies in one histogram. */
    static final class Readers {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Histogram all = new Histogram(3);
        private long errors;

        static Readers start(int port, byte[] request, int clients) {
            return start(port, request, clients, 0);
        }

        /**
         * With {@code perSecond} above 0, the clients together send that many requests a second, each at its planned
         * time, and a latency counts from that time, so that a slow answer also counts for the requests it delayed.
         */
        static Readers start(int port, byte[] request, int clients, double perSecond) {
            Readers r = new Readers();
            long interval = perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0;
            for (int i = 0; i < clients; i++) {
                long offset = interval * i / clients;
                Thread t = new Thread(() -> r.loop(port, request, interval, offset), "bench-reader");
                t.setDaemon(true);
                r.threads.add(t);
                t.start();
            }
            return r;
        }

        private void loop(int port, byte[] request, long interval, long offset) {
            Histogram mine = new Histogram(3);
            long failed = 0;
            long next = System.nanoTime() + offset;
            try (HttpConnection c = new HttpConnection(new InetSocketAddress("127.0.0.1", port))) {
                while (running.get()) {
                    long start = System.nanoTime();
                    if (interval > 0) {
                        if (next > start) {
                            java.util.concurrent.locks.LockSupport.parkNanos(next - start);
                        }
                        start = next;
                        next += interval;
                    }
                    try {
                        if (c.exchange(request).status() == 200) {
                            mine.recordValue(System.nanoTime() - start);
                        } else {
                            failed++;
                        }
                    } catch (Exception e) {
                        failed++;
                        c.close();
                    }
                }
            }
            synchronized (this) {
                all.add(mine);
                errors += failed;
            }
        }

        Histogram stopAfter(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
            return stop();
        }

        Histogram stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            return all;
        }

        synchronized long errors() {
            return errors;
        }
    }
}
