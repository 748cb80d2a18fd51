/**
 * The contract of the reputation plugin with other plugins (badges, notifications): the events it appends
 * to the outbox, one record per type ({@link org.entraide.api.reputation.ReputationChanged},
 * {@link org.entraide.api.reputation.PrivilegeGranted}). The reputation plugin provides these events; other
 * plugins subscribe to them like to the core's.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.entraide.api.reputation;
