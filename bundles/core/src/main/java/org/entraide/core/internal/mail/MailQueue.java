package org.entraide.core.internal.mail;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.mail.Mail;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.db.Dialect;
import org.entraide.core.internal.paging.Page;
import org.entraide.core.internal.paging.PageRequest;

/**
 * The {@link Mail} service: messages are rows of {@code mail_outbox}, written in the caller's transaction; the
 * {@link MailSender} delivers them after commit. Also what brand admins and operators read of the outbox.
 */
public final class MailQueue implements Mail {
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_ADDRESS = 254;
    private static final int MAX_HEADERS_JSON = 20_000;
    /** Rows per INSERT of {@link #queueAll}: ten parameters each, far below any driver's limit. */
    static final int ROWS_PER_INSERT = 100;
    /** What RFC 5322 allows in a header name, minus what could smuggle a second header. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");
    /** Headers the platform writes itself: a caller setting them would forge the message's identity or structure. */
    private static final Set<String> RESERVED = Set.of("to", "cc", "bcc", "from", "sender", "subject", "message-id", "date",
        "mime-version", "content-type", "content-transfer-encoding", "return-path");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+");
    private static final TypeReference<TreeMap<String, String>> HEADERS = new TypeReference<>() {
    };

    /** Status of a queued message. */
    public enum Status { QUEUED, SENT, FAILED }

    /** A message as a brand admin sees it in the list: never its recipient. */
    public record OutboxEntry(long id, String key, String subject, Status status, Instant createdAt, Instant sentAt,
                              int attempts, String lastError) {
    }

    /** A message's content as a brand admin sees it: bodies and extra headers, never its recipient. */
    public record OutboxMessage(long id, String key, String subject, Status status, Instant createdAt, Instant sentAt,
                                int attempts, String lastError, String text, String html, Map<String, String> headers) {
    }

    /** A message as the instance operator sees it, with its recipient. */
    public record OperatorEntry(long id, String key, String to, String subject, Status status, Instant createdAt,
                                Instant sentAt, int attempts, String lastError) {
    }

    /** An address on the suppression list. */
    public record Suppression(String address, String reason, Instant createdAt) {
    }

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;

    public MailQueue(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Queued queue(Connection c, OutgoingMail mail) {
        return queueAll(c, List.of(mail)).get(0);
    }

    /**
     * Each message queued in order, unless its key is already queued (a second message of a key in the list included)
     * or its address suppressed; every message is checked before any is queued. A few statements per hundred messages:
     * the keys already queued and the addresses suppressed are read at once, and the rest inserted by rows of
     * {@link #ROWS_PER_INSERT}. {@link #queue} is this for one message.
     */
    @Override
    public List<Queued> queueAll(Connection c, List<OutgoingMail> mails) {
        List<String> to = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (OutgoingMail mail : mails) {
            to.add(checkAddress(mail.to()));
            checkLength("subject", mail.subject(), MAX_SUBJECT);
            checkLength("text", mail.text(), MAX_BODY);
            if (mail.html() != null) {
                checkLength("html", mail.html(), MAX_BODY);
            }
            headers.add(headersJson(mail.headers()));
        }
        Set<String> queued = existing(c, "SELECT mail_key FROM mail_outbox WHERE mail_key IN ",
            mails.stream().map(OutgoingMail::key).distinct().toList());
        Set<String> suppressed = existing(c, "SELECT address FROM mail_suppression WHERE address IN ",
            to.stream().map(MailQueue::normalized).distinct().toList());
        Queued[] out = new Queued[mails.size()];
        List<Integer> insert = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            String key = mails.get(i).key();
            if (queued.contains(key)) {
                out[i] = Queued.ALREADY_QUEUED;
            } else if (suppressed.contains(normalized(to.get(i)))) {
                out[i] = Queued.SUPPRESSED;
            } else {
                queued.add(key); // a second message of the same key in this list is already queued
                insert.add(i);
            }
        }
        Instant now = clock.instant();
        for (int from = 0; from < insert.size(); from += ROWS_PER_INSERT) {
            List<Integer> part = insert.subList(from, Math.min(insert.size(), from + ROWS_PER_INSERT));
            Set<String> inserted = insertRows(c, part.stream().map(i -> new Object[] {mails.get(i).brandId(), mails.get(i).key(),
                to.get(i), mails.get(i).subject(), mails.get(i).text(), mails.get(i).html(), headers.get(i), now, now,
                Status.QUEUED}).toList());
            for (int i : part) {
                out[i] = inserted.contains(mails.get(i).key()) ? Queued.QUEUED : Queued.ALREADY_QUEUED;
            }
        }
        return List.of(out);
    }

    /** Which of {@code values} the query finds, asked {@link #ROWS_PER_INSERT} * 5 at a time. */
    private static Set<String> existing(Connection c, String queryIn, List<String> values) {
        Set<String> found = new HashSet<>();
        int chunk = ROWS_PER_INSERT * 5;
        for (int from = 0; from < values.size(); from += chunk) {
            List<String> part = values.subList(from, Math.min(values.size(), from + chunk));
            found.addAll(Sql.list(c, queryIn + "(" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")",
                rs -> rs.getString(1), part.toArray()));
        }
        return found;
    }

    /** Inserts these outbox rows, skipping keys a concurrent transaction queued meanwhile; the keys inserted. */
    private Set<String> insertRows(Connection c, List<Object[]> rows) {
        String insert = insertSql(rows.size());
        Object[] params = rows.stream().flatMap(Arrays::stream).toArray();
        if (db.dialect() == Dialect.POSTGRESQL) {
            return new HashSet<>(Sql.list(c, insert + " ON CONFLICT DO NOTHING RETURNING mail_key", rs -> rs.getString(1), params));
        }
        try {
            Sql.update(c, insert, params);
            return rows.stream().map(r -> (String) r[1]).collect(Collectors.toSet());
        } catch (Sql.Failure e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // H2 undid the whole statement: one row at a time tells which key another transaction took
            Set<String> inserted = new HashSet<>();
            for (Object[] r : rows) {
                if (insertIfAbsent(c, insertSql(1), r) == 1) {
                    inserted.add((String) r[1]);
                }
            }
            return inserted;
        }
    }

    /** The outbox's INSERT of that many rows, each bound as {@link #queueAll} makes them. */
    private static String insertSql(int rows) {
        return "INSERT INTO mail_outbox (brand_id, mail_key, to_address, subject, text_body, html_body, headers, "
            + "created_at, next_attempt_at, status, attempts) VALUES "
            + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    }

    @Override
    public boolean suppressed(Connection c, String address) {
        return Sql.count(c, "SELECT COUNT(*) FROM mail_suppression WHERE address = ?", normalized(address)) > 0;
    }

    @Override
    public void suppress(Connection c, String address, String reason) {
        String why = reason == null || reason.isBlank() ? "suppressed" : reason.strip();
        insertIfAbsent(c, "INSERT INTO mail_suppression (address, reason, created_at) VALUES (?, ?, ?)",
            normalized(checkAddress(address)), why.length() > 500 ? why.substring(0, 500) : why, clock.instant());
    }

    /** Takes an address off the suppression list; whether it was on it. */
    public boolean unsuppress(String address) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM mail_suppression WHERE address = ?", normalized(address)) > 0);
    }

    public void suppress(String address, String reason) {
        db.inTransaction(c -> {
            suppress(c, address, reason);
            return null;
        });
    }

    public List<Suppression> suppressions(int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT address, reason, created_at FROM mail_suppression ORDER BY created_at "
            + "DESC, address LIMIT ?", rs -> new Suppression(rs.getString(1), rs.getString(2), Sql.instant(rs, "created_at")),
            limit));
    }

    /** A page of the brand's outbox, newest first, without recipients. */
    public Page<OutboxEntry> outbox(long brandId, PageRequest page) {
        return db.inTransaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE brand_id = ?", brandId);
            List<OutboxEntry> items = Sql.list(c, "SELECT id, mail_key, subject, status, created_at, sent_at, attempts, "
                + "last_error FROM mail_outbox WHERE brand_id = ? ORDER BY id DESC LIMIT ? OFFSET ?", rs -> new OutboxEntry(
                    rs.getLong("id"), rs.getString("mail_key"), rs.getString("subject"), Status.valueOf(rs.getString("status")),
                    Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"), rs.getInt("attempts"), rs.getString("last_error")),
                brandId, page.size(), page.offset());
            return new Page<>(items, total, page);
        });
    }

    /** One message of the brand's outbox, without its recipient; empty when the brand has no such message. */
    public Optional<OutboxMessage> message(long brandId, long id) {
        return db.inTransaction(c -> Sql.one(c, "SELECT id, mail_key, subject, status, created_at, sent_at, attempts, last_error, "
            + "text_body, html_body, headers FROM mail_outbox WHERE id = ? AND brand_id = ?", rs -> new OutboxMessage(
                rs.getLong("id"), rs.getString("mail_key"), rs.getString("subject"), Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("text_body"), rs.getString("html_body"), headers(rs.getString("headers"))), id, brandId));
    }

    /** The brand's newest messages with their recipients: for the instance operator only (the shell). */
    public List<OperatorEntry> operatorOutbox(long brandId, int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT id, mail_key, to_address, subject, status, created_at, sent_at, "
            + "attempts, last_error FROM mail_outbox WHERE brand_id = ? ORDER BY id DESC LIMIT ?", rs -> new OperatorEntry(
                rs.getLong("id"), rs.getString("mail_key"), rs.getString("to_address"), rs.getString("subject"),
                Status.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"),
                rs.getInt("attempts"), rs.getString("last_error")), brandId, limit));
    }

    Map<String, String> headers(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mail headers: " + e.getMessage(), e);
        }
    }

    /** Lower-cased: suppression and comparisons ignore the case of addresses. */
    static String normalized(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    private int insertIfAbsent(Connection c, String insert, Object... params) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            // a concurrent transaction inserting the same key: skipped, not an error that aborts this transaction
            return Sql.update(c, insert + " ON CONFLICT DO NOTHING", params);
        }
        try {
            return Sql.update(c, insert, params);
        } catch (Sql.Failure e) {
            // H2 keeps the transaction usable after a failed statement
            if (e.isUniqueViolation()) {
                return 0;
            }
            throw e;
        }
    }

    private static String checkAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (a.length() > MAX_ADDRESS || !ADDRESS.matcher(a).matches()) {
            throw new IllegalArgumentException("not a single e-mail address (at most " + MAX_ADDRESS + " characters, "
                + "no display name): " + (a.length() > 80 ? a.substring(0, 80) + "…" : a));
        }
        return a;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("mail " + field + " has " + value.length() + " characters, at most " + max);
        }
    }

    private String headersJson(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (!HEADER_NAME.matcher(h.getKey()).matches() || RESERVED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("mail header not allowed: " + h.getKey());
            }
            String v = h.getValue();
            if (v == null || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0 || v.length() > 2000) {
                throw new IllegalArgumentException("mail header " + h.getKey() + " must be one line of at most 2000 characters");
            }
        }
        try {
            String out = json.writeValueAsString(new TreeMap<>(headers));
            if (out.length() > MAX_HEADERS_JSON) {
                throw new IllegalArgumentException("mail headers are too long (at most " + MAX_HEADERS_JSON + " characters)");
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail headers: " + e.getMessage(), e);
        }
    }
}
