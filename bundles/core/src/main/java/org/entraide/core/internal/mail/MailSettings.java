package org.entraide.core.internal.mail;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How e-mail leaves: through SMTP when {@code smtpUri} is set (a Camel mail endpoint URI), else as {@code .eml}
 * files in {@code outboxDir}.
 *
 * @param smtpUri     Camel mail endpoint, e.g. {@code smtp://host:587?username=u&password=p}; null: the .eml outbox
 * @param from        the sender of every message
 * @param maxAttempts attempts before a message is FAILED
 * @param retryBase   the wait after the first failure, doubled at each further one (at most an hour)
 * @param poll        how often each node looks for due messages
 * @param outboxDir   where .eml files are written without SMTP
 * @param smtpConnections SMTP connections a node sends through at once, each kept open while messages are due
 */
public record MailSettings(String smtpUri, String from, int maxAttempts, Duration retryBase, Duration poll, Path outboxDir,
                           int smtpConnections) {
    public static final int DEFAULT_SMTP_CONNECTIONS = 8;

    public MailSettings(String smtpUri, String from, int maxAttempts, Duration retryBase, Duration poll, Path outboxDir) {
        this(smtpUri, from, maxAttempts, retryBase, poll, outboxDir, DEFAULT_SMTP_CONNECTIONS);
    }

    public MailSettings {
        smtpUri = smtpUri == null || smtpUri.isBlank() ? null : smtpUri.strip();
        if (from == null || from.isBlank() || from.indexOf('@') < 0) {
            throw new IllegalArgumentException("mail.from must be an e-mail address");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mail.max.attempts must be at least 1");
        }
        if (retryBase.isNegative() || poll.toMillis() < 10) {
            throw new IllegalArgumentException("mail.retry.base.millis must be positive, mail.poll.millis at least 10");
        }
        if (smtpConnections < 1 || smtpConnections > 64) {
            throw new IllegalArgumentException("mail.smtp.connections must be between 1 and 64");
        }
        if (outboxDir == null) {
            outboxDir = defaultOutbox();
        }
    }

    /** The demo's: no SMTP, the .eml outbox under Karaf's data folder (a temporary folder outside Karaf). */
    public static MailSettings defaults() {
        return new MailSettings(null, "entraide@localhost", 8, Duration.ofSeconds(30), Duration.ofSeconds(1), null);
    }

    /** {@code ${karaf.data}/mail/outbox}, or a folder of its own under the temporary folder outside Karaf. */
    public static Path defaultOutbox() {
        String data = System.getProperty("karaf.data");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "mail", "outbox");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "entraide-mail-" + ProcessHandle.current().pid() + "-"
            + Long.toHexString(System.nanoTime()), "outbox");
    }

    public boolean smtp() {
        return smtpUri != null;
    }

    public MailSettings withSmtp(String uri) {
        return new MailSettings(uri, from, maxAttempts, retryBase, poll, outboxDir, smtpConnections);
    }

    public MailSettings withOutbox(Path dir) {
        return new MailSettings(smtpUri, from, maxAttempts, retryBase, poll, dir, smtpConnections);
    }

    public MailSettings withRetries(int attempts, Duration base) {
        return new MailSettings(smtpUri, from, attempts, base, poll, outboxDir, smtpConnections);
    }

    public MailSettings withPoll(Duration every) {
        return new MailSettings(smtpUri, from, maxAttempts, retryBase, every, outboxDir, smtpConnections);
    }

    public MailSettings withFrom(String sender) {
        return new MailSettings(smtpUri, sender, maxAttempts, retryBase, poll, outboxDir, smtpConnections);
    }

    public MailSettings withSmtpConnections(int connections) {
        return new MailSettings(smtpUri, from, maxAttempts, retryBase, poll, outboxDir, connections);
    }
}
