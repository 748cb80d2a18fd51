package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails to store managers through Camel mail: queued in the database with what they announce, sent by a timer
 * route, retried up to 5 times. Disabled (queued, never sent) until an SMTP endpoint is configured.
 */
public final class Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    private static final int MAX_ATTEMPTS = 5;

    /** Where and as whom mail is sent; {@code smtpUri} null: mail is not sent. */
    public record Settings(String smtpUri, String from) {
        public static Settings disabled() {
            return new Settings(null, "entraide@localhost");
        }
    }

    private final Transactions tx;
    private final Clock clock;
    private volatile Settings settings;
    private volatile ProducerTemplate template;

    public Mailer(Transactions tx, Settings settings, Clock clock) {
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public void configure(Settings s) {
        this.settings = s;
    }

    /** Queues a mail in the caller's transaction. */
    void queue(Connection c, long brandId, long complaintId, String to, String subject, String body) {
        Sql.update(c, "INSERT INTO lm_mail (brand_id, complaint_id, to_address, subject, body, created_at, attempts) "
            + "VALUES (?, ?, ?, ?, ?, ?, 0)", brandId, complaintId, to, subject.length() > 300 ? subject.substring(0, 300) : subject,
            body.length() > 4000 ? body.substring(0, 4000) : body, clock.instant());
    }

    /** Sends what is pending; returns how many were sent. Rows are taken FOR UPDATE SKIP LOCKED: one node sends each. */
    public int send(CamelContext camel) {
        Settings s = settings;
        if (s.smtpUri() == null || s.smtpUri().isBlank()) {
            return 0;
        }
        if (template == null) {
            template = camel.createProducerTemplate();
        }
        return tx.inTransaction(c -> {
            List<Object[]> pending = Sql.list(c, "SELECT id, to_address, subject, body FROM lm_mail WHERE sent_at IS NULL "
                + "AND attempts < ? ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}, MAX_ATTEMPTS);
            int sent = 0;
            for (Object[] m : pending) {
                Map<String, Object> headers = new HashMap<>();
                headers.put("To", m[1]);
                headers.put("From", s.from());
                headers.put("Subject", m[2]);
                headers.put("Message-ID", "<entraide-mail-" + m[0] + "@entraide>");
                try {
                    template.sendBodyAndHeaders(s.smtpUri(), m[3], headers);
                    Sql.update(c, "UPDATE lm_mail SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", clock.instant(), m[0]);
                    sent++;
                } catch (RuntimeException e) {
                    LOG.warn("Mail {} to a manager not sent: {}", m[0], e.toString());
                    String why = String.valueOf(e.getMessage());
                    Sql.update(c, "UPDATE lm_mail SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                        why.length() > 500 ? why.substring(0, 500) : why, m[0]);
                }
            }
            return sent;
        });
    }

    public void stop() throws Exception {
        ProducerTemplate t = template;
        if (t != null) {
            t.stop();
        }
    }
}
