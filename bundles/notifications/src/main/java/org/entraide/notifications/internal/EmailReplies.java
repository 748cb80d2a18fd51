package org.entraide.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies by e-mail, as read from the inbound mailbox: the {@code +token} of the address it was sent to names the
 * member and the thread, the sender must be that member's address, and the new text (quoted text and signature
 * removed) goes through the same path as from the page: an answer to a question through the core's submission path,
 * a private message of a complaint through local managers. Anything else is refused: logged, without effect. Each
 * accepted message has its effect once, whatever how often it is read: its Message-ID is kept in {@code ntf_reply}
 * in the transaction of that effect.
 */
final class EmailReplies {
    private static final Logger LOG = LoggerFactory.getLogger(EmailReplies.class);
    /** A reply is a few lines: a bigger message (attachments...) is not read. */
    static final int MAX_MESSAGE_BYTES = 512 * 1024;
    /** More than any post allows: the core and local managers apply their own, smaller, limits. */
    static final int MAX_TEXT_CHARS = 20_000;
    private static final String[] RECIPIENT_HEADERS = {"To", "Cc", "Delivered-To", "X-Original-To"};

    /** What became of a message, for the log and the tests. */
    enum Result { PUBLISHED, HELD, SENT, REFUSED, DUPLICATE, IGNORED }

    private final Transactions tx;
    private final Platform platform;
    private final BrandFeatures features;
    private final NotificationSettings settings;
    private final Supplier<ReplyTokens> tokens;
    private final Supplier<PrivateMessages> privateMessages;
    private final Clock clock;
    private final RefusedReplies refusals;

    EmailReplies(Transactions tx, Platform platform, BrandFeatures features, NotificationSettings settings,
                 Supplier<ReplyTokens> tokens, Supplier<PrivateMessages> privateMessages, RefusedReplies refusals, Clock clock) {
        this.refusals = refusals;
        this.tx = tx;
        this.platform = platform;
        this.features = features;
        this.settings = settings;
        this.tokens = tokens;
        this.privateMessages = privateMessages;
        this.clock = clock;
    }

    /** A refusal by the submission path: rolls back what it may have written, then is recorded on its own. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Reads one message. A database failure is thrown, so that the message stays unread and is read again; a message
     * that cannot be parsed is ignored, never read again and again.
     */
    Result handle(Message message) {
        try {
            return read(message);
        } catch (MessagingException | java.io.IOException e) {
            LOG.warn("Reply ignored: unreadable message ({})", e.toString());
            return Result.IGNORED;
        }
    }

    private Result read(Message message) throws MessagingException, java.io.IOException {
        String messageId = messageId(message);
        if (settings.replyAddress() == null) {
            return ignored(messageId, "reply by e-mail is not configured");
        }
        if (message.getSize() > MAX_MESSAGE_BYTES) {
            return ignored(messageId, "larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
        ReplyTokens.Claim claim = claim(message);
        if (claim == null) {
            return ignored(messageId, "no genuine, unexpired reply address among its recipients");
        }
        String from = sender(message);
        if (from == null) {
            return ignored(messageId, "not one sender address");
        }
        String text = ReplyText.strip(ReplyText.of(message));
        if (text.isBlank()) {
            return ignored(messageId, "no new text once quoted text and signature are removed");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return ignored(messageId, "new text longer than " + MAX_TEXT_CHARS + " characters");
        }
        String key = messageId != null ? messageId : digest(from + "\n" + message.getSentDate() + "\n" + text);
        try {
            return tx.inTransaction(c -> {
                if (Sql.count(c, "SELECT COUNT(*) FROM ntf_reply WHERE message_id = ?", key) > 0) {
                    return Result.DUPLICATE;
                }
                String refusal = refusal(c, claim, from);
                if (refusal != null) {
                    LOG.info("Reply {} to {} {} of brand {} refused: {}", key, claim.threadType(), claim.threadId(),
                        claim.brandId(), refusal);
                    return Result.IGNORED;
                }
                Result result;
                long resultId;
                String reason = null;
                if (ReplyTokens.QUESTION.equals(claim.threadType())) {
                    Contributions.Outcome o = platform.contributions().answer(c, claim.brandId(), claim.memberId(),
                        claim.threadId(), text);
                    if (o.status() == Contributions.Status.REFUSED) {
                        throw new Refused(o.reason());
                    }
                    result = o.status() == Contributions.Status.PUBLISHED ? Result.PUBLISHED : Result.HELD;
                    resultId = o.postId();
                    reason = o.reason();
                } else {
                    PrivateMessages messages = privateMessages.get();
                    if (messages == null) {
                        throw new Refused("local managers are not installed");
                    }
                    try {
                        resultId = messages.send(c, claim.brandId(), claim.threadId(), claim.memberId(), text);
                    } catch (ProblemException e) {
                        throw new Refused(e.getMessage());
                    }
                    result = Result.SENT;
                }
                record(c, key, claim, result, resultId, reason);
                LOG.info("Reply {} of member {} to {} {} of brand {}: {}", key, claim.memberId(), claim.threadType(),
                    claim.threadId(), claim.brandId(), result);
                return result;
            });
        } catch (Refused e) {
            LOG.info("Reply {} of member {} to {} {} of brand {} refused by the submission path: {}", key, claim.memberId(),
                claim.threadType(), claim.threadId(), claim.brandId(), e.getMessage());
            // remembered, so that reading it again does not run it again; a concurrent reader may have been first
            tx.inTransaction(c -> {
                if (Sql.count(c, "SELECT COUNT(*) FROM ntf_reply WHERE message_id = ?", key) == 0) {
                    record(c, key, claim, Result.REFUSED, null, e.getMessage());
                    // told once: with the row that keeps the message from being read again
                    refusals.tell(c, claim, key, e.getMessage());
                }
                return null;
            });
            return Result.REFUSED;
        }
    }

    /** Why this sender may not reply there; null when they may. */
    private String refusal(Connection c, ReplyTokens.Claim claim, String from) {
        if (!features.isEnabled(claim.brandId(), NotificationCapability.NAME)) {
            return "the brand does not have notifications enabled";
        }
        MemberFacts member = platform.members().member(c, claim.brandId(), claim.memberId()).orElse(null);
        if (member == null || member.email() == null) {
            return "no such member in the brand";
        }
        if (!member.email().trim().equalsIgnoreCase(from)) {
            return "the sender is not the address of the member the reply address was made for";
        }
        return null;
    }

    private Object record(Connection c, String key, ReplyTokens.Claim claim, Result result, Long resultId, String reason) {
        Sql.update(c, "INSERT INTO ntf_reply (message_id, brand_id, member_id, thread_type, thread_id, outcome, result_id, "
                + "reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", key, claim.brandId(), claim.memberId(),
            claim.threadType(), claim.threadId(), result.name(), resultId,
            reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason, clock.instant());
        return null;
    }

    private static Result ignored(String messageId, String why) {
        LOG.info("Reply {} ignored: {}", messageId, why);
        return Result.IGNORED;
    }

    /** The claim of the first recipient address that is the inbound mailbox's with a genuine token. */
    private ReplyTokens.Claim claim(Message message) throws MessagingException {
        String address = settings.replyAddress().toLowerCase(Locale.ROOT);
        int at = address.indexOf('@');
        String prefix = address.substring(0, at) + "+";
        String domain = address.substring(at);
        for (String recipient : recipients(message)) {
            String r = recipient.toLowerCase(Locale.ROOT);
            if (r.startsWith(prefix) && r.endsWith(domain) && r.length() > prefix.length() + domain.length()) {
                ReplyTokens.Claim claim = tokens.get().verify(r.substring(prefix.length(), r.length() - domain.length()));
                if (claim != null) {
                    return claim;
                }
            }
        }
        return null;
    }

    private static List<String> recipients(Message message) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (String header : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null) {
                            out.add(a.getAddress().trim());
                        }
                    }
                } catch (AddressException malformed) {
                    // another recipient may still be ours
                }
            }
        }
        return out;
    }

    /** The one From address, lower-cased; null for none or several. */
    private static String sender(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException malformed) {
            return null;
        }
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null) {
            return null;
        }
        return a.getAddress().trim().toLowerCase(Locale.ROOT);
    }

    /** The Message-ID, or a digest of it when longer than the column; null when the message has none. */
    private static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids == null || ids.length == 0 || ids[0].isBlank()) {
            return null;
        }
        String id = ids[0].trim();
        return id.length() <= 250 ? id : digest(id);
    }

    private static String digest(String s) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
