package org.entraide.core.internal.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Post bodies are Markdown. They are stored as written and rendered to HTML that went through the
 * OWASP sanitizer, so that no stored script, event handler or javascript: link ever reaches a browser.
 */
public final class ContentRenderer implements org.entraide.api.text.Markdown {
    /**
     * The version of the HTML this renderer makes, stored with each post's rendered body: bump it whenever the Markdown
     * renderer, its options or the sanitizer policy changes, and every post is rendered again (RenderedBodies).
     * 2: commonmark 0.32.
     */
    public static final int VERSION = 2;

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
        .and(Sanitizers.BLOCKS)
        .and(Sanitizers.TABLES)
        .and(new HtmlPolicyBuilder()
            .allowElements("a", "pre", "code", "hr", "br")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory());

    private final Parser parser = Parser.builder().build();
    // Raw HTML in Markdown is shown as text, not interpreted; the sanitizer is the second line of defence.
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final java.util.concurrent.atomic.LongAdder rendered = new java.util.concurrent.atomic.LongAdder();

    @Override
    public String toHtml(String markdown) {
        rendered.increment();
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }

    /** How many bodies this renderer rendered since it was made: reads of current posts add none. */
    public long rendered() {
        return rendered.sum();
    }
}
