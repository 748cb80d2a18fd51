package org.entraide.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MailHtmlTest {
    @Test
    void keepsAFewTagsWithoutAttributesAndEscapesEverythingElse() {
        assertEquals("<p>Bonjour <strong>{title}</strong></p>", MailHtml.sanitize("<p class=\"x\">Bonjour <STRONG>{title}</strong></p>"));
        assertEquals("alert(1)", MailHtml.sanitize("<script type=\"text/javascript\">alert(1)</script>"));
        assertEquals("", MailHtml.sanitize("<img src=x onerror=alert(1)>"));
        assertEquals("&lt;", MailHtml.sanitize("<<script>"), "a lone '<' is text");
        assertEquals("&lt;p onclick=x() Bonjour", MailHtml.sanitize("<p onclick=x() Bonjour"), "an unclosed tag is text");
        assertEquals("Caf&eacute; &amp; th&#233; &amp;x", MailHtml.sanitize("Caf&eacute; & th&#233; &x"));
        assertEquals("<br><hr>", MailHtml.sanitize("<br/><hr></br>"));
    }

    @Test
    void linksGoOnlyToWebAddressesOrTheNotificationsLink() {
        assertEquals("<a href=\"{link}\">Lire</a>", MailHtml.sanitize("<a href=\"{link}\" onclick=\"x\">Lire</a>"));
        assertEquals("<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>", MailHtml.sanitize("<a href='https://example.org/a?b=1&c=2'>x</a>"));
        assertEquals("<a>x</a>", MailHtml.sanitize("<a href=\"javascript:alert(1)\">x</a>"));
        assertEquals("<a>x</a>", MailHtml.sanitize("<a href=\"data:text/html,hi\">x</a>"));
    }
}
