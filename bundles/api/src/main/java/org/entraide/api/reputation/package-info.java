/**
 * The contract of the reputation plugin with other plugins (badges, notifications): the events it appends
 * to the outbox and the fields of their payloads. The reputation plugin provides these events; other
 * plugins subscribe to them like to the core's.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.entraide.api.reputation;
