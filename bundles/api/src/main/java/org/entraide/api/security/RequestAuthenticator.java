package org.entraide.api.security;

import java.util.Optional;

/**
 * Resolves the bearer token of a request to its caller. The platform provides it; plugins with
 * REST routes call it on the HTTP thread. It blocks on a short database read.
 */
public interface RequestAuthenticator {
    /**
     * @param authorizationHeader the raw {@code Authorization} header, possibly null
     * @return the caller, or empty when the header is absent
     * @throws org.entraide.api.problem.ProblemException 401 when the token is malformed, unknown, expired or revoked
     */
    Optional<Caller> authenticate(String authorizationHeader);
}
