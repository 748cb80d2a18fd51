/** Who is calling: the authenticated user of a brand and their roles. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.security;
