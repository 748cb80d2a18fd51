/**
 * Privacy: what the platform and each plugin hold about a member, exported on request and erased when the member
 * closes their account. The core and every plugin that keeps personal data register a {@link
 * org.entraide.api.privacy.PersonalData} service; {@link org.entraide.api.privacy.MemberErased} tells the rest of
 * the world (webhooks) that an account was closed. See docs/accounts.md, "Privacy".
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.privacy;
