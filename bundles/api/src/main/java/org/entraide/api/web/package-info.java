/**
 * REST endpoints of plugins: a plugin's Camel REST route calls a processor from
 * {@link org.entraide.api.web.ApiEndpoints}, which reads and validates the request, authenticates the caller,
 * checks that the plugin's capability is enabled for the brand, and writes JSON or a problem detail.
 */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.entraide.api.web;
