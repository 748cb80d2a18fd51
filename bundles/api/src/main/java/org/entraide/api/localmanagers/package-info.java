/**
 * The contract of the local-managers plugin with other plugins: the events it appends about complaints (their names
 * in {@link org.entraide.api.localmanagers.LocalManagerEvents}, one record per type), the private messages of a
 * complaint (sent, reported, hidden by moderation), the brand's regions, and who handles a complaint
 * ({@link org.entraide.api.localmanagers.Assignments}).
 */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.entraide.api.localmanagers;
