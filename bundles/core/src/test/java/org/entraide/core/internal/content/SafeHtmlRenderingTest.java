package org.entraide.core.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHtmlRenderingTest {
    private final ContentRenderer renderer = new ContentRenderer();

    @Test
    void markdownIsRendered() {
        String html = renderer.toHtml("# Title\n\n**bold**, *italic*, `code`\n\n- one\n- two\n\n> quoted");
        for (String expected : new String[] {"<h1>Title</h1>", "<strong>bold</strong>", "<em>italic</em>", "<code>code</code>",
                "<li>one</li>", "<blockquote>"}) {
            assertTrue(html.contains(expected), "renders " + expected + ": " + html);
        }
    }

    @Test
    void linksAreKeptAndMarkedAsUserContent() {
        String html = renderer.toHtml("[docs](https://example.com/a?b=c) and <https://example.org>");
        assertTrue(html.contains("<a href=\"https://example.com/a?b&#61;c\""), "https links are kept: " + html);
        assertTrue(html.contains("<a href=\"https://example.org\""), "autolinks too: " + html);
        java.util.regex.Matcher rel = java.util.regex.Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertTrue(rel.find(), "links have a rel: " + html);
        assertEquals(java.util.Set.of("nofollow", "ugc", "noopener"), java.util.Set.of(rel.group(1).split(" ")),
            "rel is nofollow ugc noopener: " + html);
        String mail = renderer.toHtml("[mail](mailto:help@example.com)");
        assertTrue(mail.contains("<a href=\"mailto:help&#64;example.com\""), "mailto links are kept: " + mail);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<style>body{display:none}</style>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<form action=\"https://evil.example\"><input></form>"})
    void activeContentNeverSurvives(String hostile) {
        String html = renderer.toHtml(hostile).toLowerCase();
        assertFalse(html.matches("(?s).*<\\s*(script|iframe|style|form|input|object|embed|svg|img).*"), "no active element: " + html);
        assertFalse(html.matches("(?s).*<[^>]*\\son[a-z]+\\s*=.*"), "no event handler attribute: " + html);
        assertFalse(html.matches("(?s).*(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data):.*"), "no script URL: " + html);
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertEquals("<p>&lt;b&gt;not bold&lt;/b&gt;</p>\n", renderer.toHtml("<b>not bold</b>"),
            "raw HTML is escaped, not interpreted");
    }
}
