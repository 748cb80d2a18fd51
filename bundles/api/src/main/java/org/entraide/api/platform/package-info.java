/**
 * What plugins need of the core, as read and command services the core provides: a plugin reads posts, members and
 * stores, and changes a complaint's store, through these and never through the core's tables. Each method takes the
 * caller's {@link java.sql.Connection} and joins its transaction (a subscriber's, a request's), so what it reads is
 * consistent with what the plugin writes beside it. Every method is scoped by brand: an id of another brand is
 * not found.
 */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.entraide.api.platform;
