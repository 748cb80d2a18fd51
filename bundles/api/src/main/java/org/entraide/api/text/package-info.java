/**
 * Text that enters Entraide goes through one door: cleaned first, then checked. The platform's JSON reader cleans
 * every string of a request body before validation ({@link org.entraide.api.text.MultiLine} and
 * {@link org.entraide.api.text.Verbatim} say how); a plugin cleans a text that arrives another way (a file, a
 * shell command) with {@link org.entraide.api.text.Texts#clean}. Markdown written by people becomes sanitized HTML
 * through the core's {@link org.entraide.api.text.Markdown}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.entraide.api.text;
