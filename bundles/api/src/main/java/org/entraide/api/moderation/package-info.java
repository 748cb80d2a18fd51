/** The contract of the moderation plugin with other plugins: the events it appends and their payloads. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.moderation;
