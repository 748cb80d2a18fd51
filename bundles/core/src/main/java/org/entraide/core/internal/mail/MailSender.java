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
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.apache.camel.ProducerTemplate;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due messages: through Camel mail when an SMTP endpoint is configured, else into the {@code .eml}
 * outbox folder. Rows are taken {@code FOR UPDATE SKIP LOCKED}, so each is sent by one node; a failure waits
 * twice as long as the previous one before the next attempt, and the last allowed one marks the message FAILED.
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
    }

    /** The producer Camel mail is reached through; null while the core is not connected. */
    public void connect(ProducerTemplate t) {
        this.template = t;
    }

    /** Delivers at most {@code batch} due messages; how many were taken (sent or failed). */
    public int sendDue(int batch) {
        MailSettings s = settings;
        ProducerTemplate t = template;
        if (s.smtp() && t == null) {
            return 0; // not connected to Camel yet: the messages wait in the database
        }
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            List<MimeMessages.Outgoing> due = Sql.list(c, "SELECT id, mail_key, to_address, subject, text_body, html_body, "
                + "headers FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id "
                + "LIMIT ? FOR UPDATE SKIP LOCKED", rs -> new MimeMessages.Outgoing(rs.getLong("id"), rs.getString("mail_key"),
                    rs.getString("to_address"), rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                    queue.headers(rs.getString("headers"))), now, batch);
            for (MimeMessages.Outgoing m : due) {
                try {
                    MimeMessage message = MimeMessages.build(m, s.from(), Date.from(now));
                    if (s.smtp()) {
                        t.sendBody(s.smtpUri(), message);
                    } else {
                        writeEml(s.outboxDir(), m, message);
                    }
                    Sql.update(c, "UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                        + "last_error = NULL WHERE id = ?", clock.instant(), m.id());
                } catch (RuntimeException e) {
                    failed(c, m, e, s);
                }
            }
            return due.size();
        });
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
