package org.entraide.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.security.InstanceAdmins;

/** HTTP Basic credentials of an instance administrator (a Karaf JAAS user with the admin role), rate limited. */
public final class InstanceAdminCheck {
    private final InstanceAdmins admins;
    private final RateLimits limits;

    public InstanceAdminCheck(InstanceAdmins admins, RateLimits limits) {
        this.admins = admins;
        this.limits = limits;
    }

    /** @throws ProblemException 401 unless the header carries an instance administrator's credentials */
    public void require(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ProblemException.unauthorized("instance administrators authenticate with HTTP Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ProblemException.unauthorized("malformed Basic credentials");
        }
        String user = decoded.substring(0, colon);
        // Only failures count, so that a legitimate operator's tooling is never throttled.
        limits.requireAllowed("admin-login", user);
        if (!admins.authenticate(user, decoded.substring(colon + 1))) {
            limits.record("admin-login", user);
            throw ProblemException.unauthorized("not an instance administrator");
        }
    }
}
