/** The contract of the moderation plugin with other plugins: the events it appends, their payloads, and its rules for private messages. */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.entraide.api.moderation;
