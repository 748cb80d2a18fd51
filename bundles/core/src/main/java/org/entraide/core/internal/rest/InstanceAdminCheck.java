package org.entraide.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.instance.InstanceSessions;
import org.entraide.core.internal.security.InstanceAdmins;

/** HTTP Basic credentials of an instance administrator (a Karaf JAAS user with the admin role), rate limited. */
public final class InstanceAdminCheck {
    private final InstanceAdmins admins;
    private final LoginThrottle logins;

    public InstanceAdminCheck(InstanceAdmins admins, LoginThrottle logins) {
        this.admins = admins;
        this.logins = logins;
    }

    /**
     * @throws ProblemException 401 unless the request carries an instance administrator's credentials; 429 while
     *     failures from its address (or, from an address it never used, against that user) make it wait
     * @return the administrator's user name
     */
    public String require(ApiRequest request) {
        String header = request.authorizationHeader();
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
        // Only failures count, so that a legitimate operator's tooling is never throttled; a stranger's guesses
        // make only the stranger wait, never the operator at an address where they authenticated before.
        String account = "instance-admin/" + user;
        logins.beforeAttempt(account, request.clientAddress());
        if (!admins.authenticate(user, decoded.substring(colon + 1))) {
            logins.failed(account, request.clientAddress());
            throw ProblemException.unauthorized("not an instance administrator");
        }
        logins.succeeded(account, request.clientAddress());
        return user;
    }

    /**
     * The instance console's check: HTTP Basic credentials as {@link #require}, or the bearer token of an instance
     * console session ({@code POST /api/v1/instance/sessions}).
     *
     * @throws ProblemException 401 without either, or with an unknown or expired session; 403 for a member's token
     *     (a brand's token never acts on the instance)
     */
    public void requireConsole(ApiRequest request, InstanceSessions sessions) {
        String header = request.authorizationHeader();
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (sessions.adminOf(header.substring(7).strip()).isPresent()) {
                return;
            }
            if (request.optionalCaller().isPresent()) {
                throw ProblemException.forbidden("instance administrators only");
            }
            throw ProblemException.unauthorized("unknown or expired instance console session");
        }
        require(request);
    }
}
