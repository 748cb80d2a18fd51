package org.entraide.api.mail;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message to one recipient.
 *
 * @param brandId the brand it is sent for (its outbox and its admins' listing)
 * @param key     idempotency key, unique in the whole platform (e.g. {@code notification-42}): queuing the same
 *                key twice queues one message, and the key becomes its {@code Message-ID}, so a retry after a crash
 *                is recognisably the same message
 * @param to      the recipient's address
 * @param subject one line
 * @param text    the plain-text body (always sent)
 * @param html    the HTML body sent beside the text (multipart/alternative), or null for text only
 * @param headers extra headers, e.g. {@code Reply-To}, {@code List-Unsubscribe}, {@code List-Unsubscribe-Post}
 */
public record OutgoingMail(long brandId, String key, String to, String subject, String text, String html,
                           Map<String, String> headers) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    public OutgoingMail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("mail key must match " + KEY + ": " + key);
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("subject must be one line");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
