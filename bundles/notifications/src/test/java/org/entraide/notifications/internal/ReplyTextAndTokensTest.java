package org.entraide.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.entraide.core.internal.support.MutableClock;
import org.junit.jupiter.api.Test;

class ReplyTextAndTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final ReplyTokens tokens = new ReplyTokens("a-secret", clock, Duration.ofDays(90));

    @Test
    void aReplyTokenNamesItsMemberAndThreadFitsAnAddressAndIsNoUnsubscribeToken() {
        String t = tokens.token(7, 123_456_789L, "question", 987_654_321L);
        assertEquals(new ReplyTokens.Claim(7, 123_456_789L, "question", 987_654_321L), tokens.verify(t));
        assertTrue(t.matches("[a-z0-9.]+"), "lower case only: " + t);
        assertTrue(("reply+" + t).length() <= 64, "fits an address's local part: " + t);
        assertEquals(tokens.verify(t), tokens.verify(t.toUpperCase(Locale.ROOT)), "a mail system may change its case");
        assertEquals("complaint", tokens.verify(tokens.token(7, 1, "complaint", 2)).threadType());
        assertNull(tokens.token(7, 1, "digest", 2), "no reply to other threads");
        assertNull(new ReplyTokens("another-secret", clock, Duration.ofDays(90)).verify(t));

        UnsubscribeTokens unsubscribe = new UnsubscribeTokens("a-secret");
        assertNull(tokens.verify(unsubscribe.token(7, 42, "answer.posted")), "an unsubscribe token is no reply token");
        assertNull(unsubscribe.verify(t), "nor the other way round");
        String[] p = t.split("\\.");
        assertNull(tokens.verify(p[0] + "." + Long.toString(42, 36) + "." + p[2] + "." + p[3] + "." + p[4]), "another member");
        for (String bad : new String[] {null, "", ".", "a.b.c.d.e", t + "0", "7.1.q2.x.zz"}) {
            assertNull(tokens.verify(bad), String.valueOf(bad));
        }

        clock.advance(Duration.ofDays(89));
        assertEquals(987_654_321L, tokens.verify(t).threadId(), "still valid within its lifetime");
        clock.advance(Duration.ofDays(2));
        assertNull(tokens.verify(t), "expired");
    }

    @Test
    void onlyWhatTheMemberWroteIsKept() {
        assertEquals("Merci !\n\nÇa marche.", ReplyText.strip("Merci !\r\n\r\n\r\nÇa marche.\r\n\r\n"
            + "On Mon, 2 Mar 2026 at 10:00, Entraide <reply+x@localhost> wrote:\r\n> Hello\r\n> -- \r\n"));
        assertEquals("Oui", ReplyText.strip("Oui\nLe lun. 2 mars 2026 à 10:00, Entraide <reply+x@localhost> a écrit :\n> Bonjour"));
        assertEquals("Oui", ReplyText.strip("Oui\nOn Mon, 2 Mar 2026 at 10:00, Entraide\n<reply+x@localhost> wrote:\n> Bonjour"),
            "a header line wrapped by the client");
        assertEquals("Yes, the receipt.", ReplyText.strip("Yes, the receipt.\n\n-----Original Message-----\nFrom: Entraide\n"));
        assertEquals("Oui, le ticket.", ReplyText.strip("Oui, le ticket.\n\nDe : Entraide <reply@x>\nEnvoyé : lundi 2 mars\n"
            + "À : Camille\nObjet : Votre réclamation\n\nLe magasin demande..."));
        assertEquals("D'accord\nà demain", ReplyText.strip("D'accord\n> cité\nà demain\n-- \nCamille\n06 12 34 56 78"),
            "quoted lines in between go, the signature and what follows go");
        assertEquals("Le sujet : on en parle", ReplyText.strip("Le sujet : on en parle"), "an ordinary line stays");
        assertEquals("", ReplyText.strip("> only\n> quoted"));
        assertEquals("Bonjour & merci\n\nÀ bientôt <3", ReplyText.strip(ReplyText.htmlToText(
            "<div dir=\"ltr\">Bonjour &amp; merci<br><br>&#192; bient&#xf4;t &lt;3</div><div class=\"gmail_quote\">"
                + "Le lun. a écrit :<blockquote>cité</blockquote></div>")));
    }
}
