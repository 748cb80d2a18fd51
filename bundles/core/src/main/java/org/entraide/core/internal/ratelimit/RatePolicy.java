package org.entraide.core.internal.ratelimit;

import java.time.Duration;
import java.util.Map;

/**
 * The rate-limit settings ({@code ratelimit.*}). {@code limits} maps an action to its allowance; an action without
 * an entry is not limited:
 * <ul>
 * <li>{@code post}, {@code preview}, {@code comment}, {@code members} (look-ups by pseudonym prefix): per user and
 * {@code window};</li>
 * <li>{@code register}: per client address and {@code window}, whatever the brand;</li>
 * <li>{@code login}: failed logins per (account, client address) within {@code loginWindow}; past them, each
 * further attempt waits {@code backoffBase}, doubled per failure, up to {@code backoffMax};</li>
 * <li>{@code login.account}: the same per account, from any address, but never applied to the addresses where
 * the account logged in within {@code knownAddressFor} (its owner's way in);</li>
 * <li>{@code login.address}: failed logins per client address and {@code window}, whatever the account;</li>
 * <li>{@code account.mail}: account e-mails (reset links, verification links) per target address or account and
 * {@code window}, counted whether or not the address has an account;</li>
 * <li>{@code account.address}: account-recovery requests (reset, verification) per client address and {@code window};</li>
 * <li>{@code password.change}: wrong current passwords per account and {@code window};</li>
 * <li>{@code avatar}: avatar uploads per account and {@code window} (each is a picture to decode);</li>
 * <li>{@code draft}: drafts saved per account and {@code window} (pages save while the member types);</li>
 * <li>{@code sso}: single sign-on starts and callbacks per client address and {@code window};</li>
 * <li>{@code apikey}: requests per API key and {@code window}, reads included.</li>
 * </ul>
 */
public record RatePolicy(Duration window, Map<String, Integer> limits, Duration loginWindow, Duration backoffBase,
                         Duration backoffMax, Duration knownAddressFor) {
    public RatePolicy {
        positive(window, "ratelimit.window.minutes");
        positive(loginWindow, "ratelimit.login.window.hours");
        positive(backoffBase, "ratelimit.backoff.base.millis");
        positive(backoffMax, "ratelimit.backoff.max.seconds");
        positive(knownAddressFor, "ratelimit.known.address.days");
        limits.forEach((action, n) -> {
            if (n == null || n < 1) {
                throw new IllegalArgumentException("ratelimit." + action + " must be at least 1");
            }
        });
        limits = Map.copyOf(limits);
    }

    public static RatePolicy defaults() {
        return new RatePolicy(Duration.ofMinutes(10),
            Map.ofEntries(Map.entry("login", 10), Map.entry("login.account", 100), Map.entry("login.address", 100),
                Map.entry("register", 100), Map.entry("post", 30), Map.entry("preview", 300), Map.entry("account.mail", 5),
                Map.entry("account.address", 30), Map.entry("password.change", 10), Map.entry("avatar", 10),
                Map.entry("draft", 600), Map.entry("sso", 100), Map.entry("apikey", 600), Map.entry("comment", 30),
                Map.entry("members", 300)),
            Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofDays(30));
    }

    public RatePolicy withLimits(Map<String, Integer> newLimits) {
        return new RatePolicy(window, newLimits, loginWindow, backoffBase, backoffMax, knownAddressFor);
    }

    public RatePolicy withBackoff(Duration base, Duration max) {
        return new RatePolicy(window, limits, loginWindow, base, max, knownAddressFor);
    }

    /** The allowance of an action, or null when it is not limited. */
    public Integer limit(String action) {
        return limits.get(action);
    }

    /** How long the next attempt waits after the last of {@code failures} failures, when {@code free} cost nothing. */
    public Duration backoff(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - free);
        long millis = backoffBase.toMillis() << doublings;
        return millis <= 0 || millis > backoffMax.toMillis() ? backoffMax : Duration.ofMillis(millis);
    }

    private static void positive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
