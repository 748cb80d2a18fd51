/** The contract of the local-managers plugin with other plugins: the events it appends about complaints. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.localmanagers;
