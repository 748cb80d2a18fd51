/**
 * Sending e-mail, a platform service: a plugin (or the core itself) queues a message in its own transaction and the
 * platform delivers it after commit, through SMTP when an outgoing server is configured, else into the
 * {@code .eml} outbox under {@code data/mail/outbox/}. Addresses on the suppression list (hard bounces, complaints,
 * manual) are never written to.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.entraide.api.mail;
