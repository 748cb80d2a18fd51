package org.entraide.api.text;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's one Markdown renderer, provided as a service: Markdown to HTML that went through the same sanitizer as
 * posts' bodies (no script, no event handler, no javascript: link; links get rel="nofollow ugc noopener"). Plugins
 * that store Markdown written by people render it here once, when it is written. Any thread; never blocks.
 */
@ProviderType
public interface MarkdownRenderer {
    /** Sanitized HTML of a Markdown text, raw HTML in it shown as text. */
    String toHtml(String markdown);
}
