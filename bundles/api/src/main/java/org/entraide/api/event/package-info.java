/** Durable domain events, written in the same transaction as the change they describe. */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.entraide.api.event;
