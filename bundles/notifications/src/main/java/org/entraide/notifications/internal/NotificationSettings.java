package org.entraide.notifications.internal;

import java.net.URI;
import java.time.Duration;

/** Validated settings; an invalid value names its key. */
public record NotificationSettings(String baseUrl, String unsubscribeSecret, Duration threadWindow, String defaultLanguage,
                                   Duration flushPoll) {
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
    }

    static NotificationSettings of(NotificationsConfig c) {
        return new NotificationSettings(c.public_base_url(), c.unsubscribe_secret(),
            Duration.ofMinutes(c.email_thread_window_minutes()), c.default_language(),
            Duration.ofMillis(c.email_flush_poll_millis()));
    }

    /** The defaults of the shipped configuration, for tests. */
    static NotificationSettings defaults() {
        return new NotificationSettings("http://localhost:8181", null, Duration.ofMinutes(10), "fr", Duration.ofSeconds(30));
    }
}
