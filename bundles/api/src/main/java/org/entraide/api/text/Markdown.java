package org.entraide.api.text;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's Markdown renderer, for plugins that store user or staff Markdown beside their own rows (knowledge
 * articles): the same rendering and the same sanitizer as posts, so that a plugin never ships its own. The platform
 * provides it; pure, safe on any thread; render once when the text is written and store the HTML.
 *
 * @since 1.1
 */
@ProviderType
public interface Markdown {
    /** @return sanitized HTML: no script, event handler or javascript: link; raw HTML in the source is shown as text */
    String toHtml(String markdown);
}
