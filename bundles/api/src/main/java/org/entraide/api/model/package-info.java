/** Domain values shared by the core and every plugin: immutable, validated when built. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.model;
