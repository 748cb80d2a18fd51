/** The contract of the local-managers plugin with other plugins: the events it appends about complaints, and the private messages of a complaint. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.entraide.api.localmanagers;
