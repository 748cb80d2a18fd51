package org.entraide.core.internal.rest;

import java.sql.Connection;

import org.entraide.jdbc.Sql;
import org.entraide.core.internal.ratelimit.HitLog;
import org.entraide.core.internal.ratelimit.RatePolicy;

/**
 * Slows down password guessing without locking the owner out (OWASP ASVS 5.0, V6.3): failures count per
 * (account, client address) with exponential back-off, per client address whatever the account, and per account
 * from addresses that account did not log in from recently. A guesser elsewhere therefore never stops the owner:
 * from an address where the account logged in successfully, only that address's own failures count. Used for
 * members (keys {@code brand/e-mail}) and instance administrators (keys {@code instance-admin/user}).
 */
public final class LoginThrottle {
    private static final String PAIR = "login";
    private static final String ACCOUNT = "login.account";
    private static final String ADDRESS = "login.address";

    private final RateLimits limits;
    private final HitLog log;

    public LoginThrottle(RateLimits limits) {
        this.limits = limits;
        this.log = limits.log();
    }

    /** @throws org.entraide.api.problem.ProblemException 429 with Retry-After while this attempt must wait */
    public void beforeAttempt(String account, String address) {
        RatePolicy p = limits.policy();
        log.purgeOlderThan(Math.max(p.window().toMillis(), p.loginWindow().toMillis()));
        log.inTransaction((c, now) -> {
            Integer perAddress = p.limit(ADDRESS);
            HitLog.Hits fromAddress = log.lockAndCount(c, ADDRESS, address, now - p.window().toMillis());
            if (perAddress != null && fromAddress.count() >= perAddress) {
                throw RateLimits.tooMany("login", fromAddress.oldest() + p.window().toMillis() - now);
            }
            waitIfBackingOff(p, log.lockAndCount(c, PAIR, pair(account, address), now - p.loginWindow().toMillis()),
                p.limit(PAIR), now);
            if (!knownAddress(c, account, address, now - p.knownAddressFor().toMillis())) {
                waitIfBackingOff(p, log.lockAndCount(c, ACCOUNT, account, now - p.loginWindow().toMillis()),
                    p.limit(ACCOUNT), now);
            }
            return null;
        });
    }

    /** Counts a failed attempt against the pair, the address and (unless known) the account. */
    public void failed(String account, String address) {
        RatePolicy p = limits.policy();
        log.inTransaction((c, now) -> {
            for (String[] key : new String[][] {{ADDRESS, address}, {PAIR, pair(account, address)}, {ACCOUNT, account}}) {
                if (p.limit(key[0]) != null) {
                    long window = key[0].equals(ADDRESS) ? p.window().toMillis() : p.loginWindow().toMillis();
                    log.lockAndCount(c, key[0], key[1], now - window);
                    log.add(c, key[0], key[1], now);
                }
            }
            return null;
        });
    }

    /** Forgets the pair's failures and remembers the address as the account's. */
    public void succeeded(String account, String address) {
        log.inTransaction((c, now) -> {
            log.clear(c, PAIR, pair(account, address));
            String a = HitLog.subject(account);
            String ip = HitLog.subject(address);
            if (Sql.update(c, "UPDATE login_address SET last_success_millis = ? WHERE account = ? AND address = ?", now, a, ip) == 0) {
                Sql.update(c, "INSERT INTO login_address (account, address, last_success_millis) VALUES (?, ?, ?)", a, ip, now);
            }
            Sql.update(c, "DELETE FROM login_address WHERE account = ? AND last_success_millis <= ?", a,
                now - limits.policy().knownAddressFor().toMillis());
            return null;
        });
    }

    /**
     * After a password reset, the owner (who just proved they hold the address) signs in at once from where they
     * reset it: the account's failures and this address's failures on it are forgotten, and the address becomes the
     * account's. Guesses of the old password mean nothing any more.
     */
    public void passwordReset(String account, String address) {
        log.inTransaction((c, now) -> {
            log.clear(c, ACCOUNT, account);
            return null;
        });
        succeeded(account, address);
    }

    private static void waitIfBackingOff(RatePolicy p, HitLog.Hits failures, Integer free, long now) {
        if (free == null || failures.count() < free) {
            return;
        }
        long until = failures.newest() + p.backoff(failures.count(), free).toMillis();
        if (until > now) {
            throw RateLimits.tooMany("login", until - now);
        }
    }

    private static boolean knownAddress(Connection c, String account, String address, long since) {
        return Sql.count(c, "SELECT COUNT(*) FROM login_address WHERE account = ? AND address = ? AND last_success_millis > ?",
            HitLog.subject(account), HitLog.subject(address), since) > 0;
    }

    private static String pair(String account, String address) {
        return account + '\u0000' + address;
    }
}
