package org.entraide.notifications.internal;

import java.net.URI;
import java.time.Duration;

/**
 * Validated settings; an invalid value names its key. {@code replyAddress} (null: no reply by e-mail) is the inbound
 * mailbox's address, whose local part gets a {@code +token} per recipient and thread; {@code replyImapUri} (null: no
 * inbound reading) is the Camel mail consumer reading that mailbox.
 */
public record NotificationSettings(String baseUrl, String unsubscribeSecret, Duration threadWindow, String defaultLanguage,
                                   Duration flushPoll, String replyAddress, String replyImapUri, Duration replyTokenLifetime) {
    public NotificationSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("public.base.url must be set");
        }
        URI uri = URI.create(baseUrl.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("public.base.url must be an http or https URL: " + baseUrl);
        }
        baseUrl = baseUrl.trim().replaceAll("/+$", "");
        unsubscribeSecret = unsubscribeSecret == null || unsubscribeSecret.isBlank() ? null : unsubscribeSecret.trim();
        if (threadWindow.isNegative()) {
            throw new IllegalArgumentException("email.thread.window.minutes must not be negative");
        }
        if (!Texts.LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("default.language must be fr or en: " + defaultLanguage);
        }
        if (flushPoll.toMillis() < 100) {
            throw new IllegalArgumentException("email.flush.poll.millis must be at least 100");
        }
        replyAddress = replyAddress == null || replyAddress.isBlank() ? null : replyAddress.trim();
        if (replyAddress != null && !replyAddress.matches("[A-Za-z0-9._-]{1,40}@[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("reply.address must be a plain address without a +tag, such as "
                + "reply@example.org: " + replyAddress);
        }
        replyImapUri = replyImapUri == null || replyImapUri.isBlank() || replyAddress == null ? null : replyImapUri.trim();
        if (replyImapUri != null && !replyImapUri.matches("(imap|imaps|pop3|pop3s)://.+")) {
            throw new IllegalArgumentException("reply.imap.uri must be a Camel mail consumer URI (imap:// or imaps://)");
        }
        if (replyTokenLifetime == null || replyTokenLifetime.toDays() < 1) {
            throw new IllegalArgumentException("reply.token.days must be at least 1");
        }
    }

    public NotificationSettings(String baseUrl, String unsubscribeSecret, Duration threadWindow, String defaultLanguage,
                                Duration flushPoll) {
        this(baseUrl, unsubscribeSecret, threadWindow, defaultLanguage, flushPoll, null, null, Duration.ofDays(90));
    }

    static NotificationSettings of(NotificationsConfig c) {
        return new NotificationSettings(c.public_base_url(), c.unsubscribe_secret(),
            Duration.ofMinutes(c.email_thread_window_minutes()), c.default_language(),
            Duration.ofMillis(c.email_flush_poll_millis()), c.reply_address(), c.reply_imap_uri(),
            Duration.ofDays(c.reply_token_days()));
    }

    /** These settings with reply by e-mail through that address and mailbox. */
    NotificationSettings withReply(String address, String imapUri) {
        return new NotificationSettings(baseUrl, unsubscribeSecret, threadWindow, defaultLanguage, flushPoll, address, imapUri,
            replyTokenLifetime);
    }

    /** The defaults of the shipped configuration, for tests. */
    static NotificationSettings defaults() {
        return new NotificationSettings("http://localhost:8181", null, Duration.ofMinutes(10), "fr", Duration.ofSeconds(30));
    }
}
