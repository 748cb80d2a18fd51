package org.entraide.core.internal.platform;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.util.Base64;

import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.user.Users;

/**
 * Members made for a plugin from an address they proved theirs (a link sent to it): an existing account of that
 * address, or a new customer with a password nobody knows, which its owner replaces by "forgot password".
 */
public final class Enrolment {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Enrolment(Users users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public long memberFor(Connection c, long brandId, String email) {
        String address = TextRules.normalizeEmail(email);
        if (address == null || !address.matches("[^@\\s]{1,64}@[^@\\s]{1,253}")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        var existing = users.byEmail(c, brandId, address);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String local = address.substring(0, address.indexOf('@')).replaceAll("[^\\p{L}\\p{N}_.-]", "");
        String base = local.length() < 3 ? "member" : local.substring(0, Math.min(local.length(), 24));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        var now = clock.instant();
        return users.create(c, brandId, address, users.freePseudonym(c, brandId, base, now),
            hasher.hash(Base64.getUrlEncoder().encodeToString(secret)), now, true);
    }
}
