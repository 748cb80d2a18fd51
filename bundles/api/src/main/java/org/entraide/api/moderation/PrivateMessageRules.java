package org.entraide.api.moderation;

import org.entraide.api.security.Caller;

/**
 * The brand's moderation rules applied to a private message (a complaint's messages between its complainant and
 * the store), in both directions. The moderation plugin provides it as an OSGi service when it is installed; a
 * plugin that stores private messages calls it before storing one, on the request thread, inside its write
 * transaction or not; it reads the database and may block briefly.
 */
public interface PrivateMessageRules {
    /**
     * The text to store: personal data redacted and watched words censored by the brand's active rule sets, as in
     * public posts; the text itself when the brand has not enabled moderation.
     *
     * @throws org.entraide.api.problem.ProblemException 403 {@code sanctioned} for a silenced or suspended member;
     *         422 {@code moderation-blocked} with the reasons for a member's text that the rules would block or hold
     *         (a private message cannot wait for review); staff are never refused, only redacted and censored
     */
    String check(long brandId, Caller author, String text);
}
