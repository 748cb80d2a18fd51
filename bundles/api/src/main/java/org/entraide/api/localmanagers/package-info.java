/**
 * The contract of the local-managers plugin with other plugins: the events it appends about complaints (their names
 * in {@link org.entraide.api.localmanagers.LocalManagerEvents}, one record per type), and the private messages of a
 * complaint (sent, reported, hidden by moderation).
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.entraide.api.localmanagers;
