package org.entraide.core.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentRendererTest {
    private final ContentRenderer renderer = new ContentRenderer();

    @Test
    void rendersMarkdownWithSafeLinks() {
        String html = renderer.toHtml("Voir [la doc](https://example.org/doc) et `code`");
        assertTrue(html.contains("<a href=\"https://example.org/doc\" rel=\""), html);
        for (String rel : new String[] {"noopener", "nofollow", "ugc"}) {
            assertTrue(html.matches("(?s).*rel=\"[^\"]*\\b" + rel + "\\b[^\"]*\".*"), rel + " in " + html);
        }
        assertTrue(html.contains("<code>code</code>"), html);
    }

    @Test
    void neutralisesScriptsHandlersAndDangerousUrls() {
        String html = renderer.toHtml("[x](javascript:alert(1))\n\n<iframe src=\"https://evil\"></iframe>\n\n"
            + "<p onclick=\"steal()\">hi</p>");
        assertFalse(html.contains("javascript:alert"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("onclick=\""), html);
    }

    @Test
    void cleansTextBeforeStorage() {
        assertEquals("a b", TextRules.clean("  a\n\tb \u0007", true));
        assertEquals("a\nb", TextRules.clean("a\nb\u0000", false));
        assertEquals("bob@example.org", TextRules.normalizeEmail("  Bob@Example.ORG "));
    }
}
