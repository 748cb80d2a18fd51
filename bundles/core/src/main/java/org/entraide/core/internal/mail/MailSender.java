package org.entraide.core.internal.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.apache.camel.ProducerTemplate;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due messages: over SMTP, as configured by a Camel mail endpoint URI, on connections kept open across
 * messages, else into the {@code .eml} outbox folder. Rows are taken {@code FOR UPDATE SKIP LOCKED}, so each is sent
 * by one node, and marked SENT in the same transaction: a crash between the two sends again, with the same Message-ID.
 * A failure waits twice as long as the previous one before the next attempt, and the last allowed one marks the
 * message FAILED.
 * A permanent refusal of the recipient fails the message at once and suppresses the address.
 */
public final class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final Database db;
    private final MailQueue queue;
    private final Clock clock;
    private volatile MailSettings settings;
    private volatile ProducerTemplate template;
    private SmtpConnections connections;
    private ExecutorService senders;
    private int sendersSize;

    public MailSender(Database db, MailQueue queue, MailSettings settings, Clock clock) {
        this.db = db;
        this.queue = queue;
        this.clock = clock;
        this.settings = settings;
        announce(settings);
    }

    public MailSettings settings() {
        return settings;
    }

    public void configure(MailSettings s) {
        MailSettings before = settings;
        settings = s;
        if (before.smtp() != s.smtp() || !before.outboxDir().equals(s.outboxDir())) {
            announce(s);
        }
        if (!java.util.Objects.equals(before.smtpUri(), s.smtpUri())) {
            dropConnections();
        }
    }

    /** The producer Camel mail is reached through; null while the core is not connected. */
    public void connect(ProducerTemplate t) {
        this.template = t;
        if (t == null) {
            synchronized (this) {
                if (senders != null) {
                    senders.shutdown();
                    senders = null;
                }
            }
            dropConnections();
        }
    }

    /** SMTP connections opened since the SMTP server was last configured (0 without SMTP). */
    public synchronized long smtpConnectionsOpened() {
        return connections == null ? 0 : connections.opened();
    }

    /** The open connections to the configured server, made again when its URI changes. */
    private synchronized SmtpConnections connections(MailSettings s, ProducerTemplate t) {
        if (connections == null || !connections.uri().equals(s.smtpUri())) {
            if (connections != null) {
                connections.close();
            }
            connections = SmtpConnections.of(t.getCamelContext(), s.smtpUri());
        }
        return connections;
    }

    private synchronized void dropConnections() {
        if (connections != null) {
            connections.close();
            connections = null;
        }
    }

    private synchronized void closeIdleConnections() {
        if (connections != null) {
            connections.closeIdle();
        }
    }

    /** Delivers at most {@code batch} due messages; how many were taken (sent or failed). */
    public int sendDue(int batch) {
        if (settings.smtp() && template == null) {
            return 0; // not connected to Camel yet: the messages wait in the database
        }
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            List<MimeMessages.Outgoing> due = Sql.claim(c, "id, mail_key, to_address, subject, text_body, html_body, headers",
                "mail_outbox", "status = 'QUEUED' AND next_attempt_at <= ?", "next_attempt_at, id", batch,
                rs -> new MimeMessages.Outgoing(rs.getLong("id"), rs.getString("mail_key"), rs.getString("to_address"),
                    rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                    queue.headers(rs.getString("headers"))), now);
            // read once the messages are taken: a message queued after the settings changed goes by the new ones (an
            // SMTP server configured a moment ago, not the .eml outbox a batch begun before would have used)
            MailSettings s = settings;
            ProducerTemplate t = template;
            if (s.smtp() && t == null) {
                return 0;
            }
            List<RuntimeException> outcomes = deliver(due, s, t, Date.from(now));
            if (due.size() < batch) {
                closeIdleConnections(); // nothing more is due now: no connection is held open while idle
            }
            List<Object> sent = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
                MimeMessages.Outgoing m = due.get(i);
                if (outcomes.get(i) == null) {
                    sent.add(m.id());
                } else {
                    failed(c, m, outcomes.get(i), s);
                }
            }
            if (!sent.isEmpty()) {
                // one statement for the batch: at hundreds of messages a second, a round trip each was a good part of it
                sent.add(0, clock.instant());
                Sql.update(c, "UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL "
                    + "WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(sent.size() - 1, "?")) + ")",
                    sent.toArray());
            }
            return due.size();
        });
    }

    /**
     * Sends or writes each message; the failure of each, null when it left. Messages go {@code smtpConnections} at a
     * time, each thread on a connection kept open for the whole batch (see {@link SmtpConnections}); the database rows
     * are updated afterwards on the caller's thread, which owns the transaction.
     */
    private List<RuntimeException> deliver(List<MimeMessages.Outgoing> due, MailSettings s, ProducerTemplate t, Date date) {
        SmtpConnections smtp = null;
        if (s.smtp() && !due.isEmpty()) {
            try {
                smtp = connections(s, t);
            } catch (RuntimeException e) {
                return due.stream().map(m -> e).toList(); // a URI Camel cannot use: each message waits and is retried
            }
        }
        SmtpConnections via = smtp;
        if (!s.smtp() || s.smtpConnections() == 1 || due.size() < 2) {
            return due.stream().map(m -> deliverOne(m, s, via, date)).toList();
        }
        ExecutorService pool = senders(s.smtpConnections());
        List<Future<RuntimeException>> running = due.stream()
            .map(m -> pool.submit(() -> deliverOne(m, s, via, date))).toList();
        List<RuntimeException> outcomes = new ArrayList<>();
        for (Future<RuntimeException> f : running) {
            try {
                outcomes.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(new IllegalStateException("interrupted while sending", e));
            } catch (ExecutionException e) {
                outcomes.add(new IllegalStateException(e.getCause()));
            }
        }
        return outcomes;
    }

    private static RuntimeException deliverOne(MimeMessages.Outgoing m, MailSettings s, SmtpConnections smtp, Date date) {
        try {
            MimeMessage message = MimeMessages.build(m, s.from(), date);
            if (smtp != null) {
                smtp.send(message);
            } else {
                writeEml(s.outboxDir(), m, message);
            }
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The sending threads, made again when the configured number changes; daemons, so they never hold a shutdown. */
    private synchronized ExecutorService senders(int size) {
        if (senders == null || sendersSize != size) {
            if (senders != null) {
                senders.shutdown();
            }
            senders = Executors.newFixedThreadPool(size, r -> {
                Thread th = new Thread(r, "entraide-mail-send");
                th.setDaemon(true);
                return th;
            });
            sendersSize = size;
        }
        return senders;
    }

    private void failed(Connection c, MimeMessages.Outgoing m, RuntimeException e, MailSettings s) {
        String error = Rejections.describe(e);
        String code = Rejections.permanentRecipientRejection(e);
        int attempts = Sql.one(c, "SELECT attempts FROM mail_outbox WHERE id = ?", rs -> rs.getInt(1), m.id()).orElse(0) + 1;
        if (code != null) {
            LOG.warn("Mail {} refused for good by the SMTP server ({}): its recipient is suppressed", m.id(), code);
            queue.suppress(c, m.to(), "SMTP " + code + " rejection of mail " + m.key());
            Sql.update(c, "UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
                attempts, error, m.id());
        } else if (attempts >= s.maxAttempts()) {
            LOG.warn("Mail {} failed after {} attempts: {}", m.id(), attempts, error);
            Sql.update(c, "UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
                attempts, error, m.id());
        } else {
            Instant next = clock.instant().plus(backoff(s.retryBase(), attempts));
            LOG.info("Mail {} not sent (attempt {} of {}), next attempt at {}: {}", m.id(), attempts, s.maxAttempts(), next,
                error);
            Sql.update(c, "UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                attempts, error, next, m.id());
        }
    }

    /** The wait after the {@code attempts}-th failure: base, then twice as long each time, at most an hour. */
    static Duration backoff(Duration base, int attempts) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** {@code <id>-<key>.eml}, written beside under a temporary name and moved in, so that no reader sees half a file. */
    static Path writeEml(Path dir, MimeMessages.Outgoing m, MimeMessage message) {
        byte[] bytes = MimeMessages.bytes(message);
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(m.id() + "-" + m.key() + ".eml");
            Path temp = Files.createTempFile(dir, "." + m.id() + "-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the mail outbox " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void announce(MailSettings s) {
        if (s.smtp()) {
            LOG.info("E-mail is sent through SMTP ({}), from {}", s.smtpUri().replaceAll("password=[^&]*", "password=***"),
                s.from());
        } else {
            LOG.info("No SMTP server configured (mail.smtp.uri): e-mail is written as .eml files to {}",
                s.outboxDir().toAbsolutePath());
        }
    }
}
