package org.entraide.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TokensAndTextsTest {
    private final UnsubscribeTokens tokens = new UnsubscribeTokens("a-secret");

    @Test
    void aTokenNamesItsBrandMemberAndKindAndOnlyItsSecretMakesOne() {
        String t = tokens.token(7, 42, "answer.posted");
        assertEquals(new UnsubscribeTokens.Claim(7, 42, "answer.posted"), tokens.verify(t));
        assertNull(new UnsubscribeTokens("another-secret").verify(t), "signed with another secret");
        String claim = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("7.43.answer.posted".getBytes());
        assertNull(tokens.verify(claim + t.substring(t.indexOf('.'))), "another member, same signature");
        assertNull(tokens.verify(tokens.token(7, 42, "no.such-kind")), "an unknown kind");
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", "!!!.???", t + "x"}) {
            assertNull(tokens.verify(bad), String.valueOf(bad));
        }
    }

    @Test
    void textsLeaveOutAMissingReasonAndShowDeadlinesInTheirZone() {
        assertEquals("Votre message « Q » attend une relecture", Texts.line("post.held", Map.of("title", "Q"), "fr"));
        assertEquals("Your post “Q” is held for review: spam", Texts.line("post.held", Map.of("title", "Q", "reason", "spam"), "en"));
        assertEquals("Votre réclamation « R » a été transmise au magasin Lyon ; réponse attendue avant le 03/03/2026 à 17:00 (UTC)",
            Texts.line("complaint.sent", Map.of("title", "R", "store", "Lyon", "dueAt", "2026-03-03T17:00:00Z", "zone", "UTC"), "fr"));
        assertEquals("Your complaint “R” went to the head office",
            Texts.line("complaint.escalated", Map.of("title", "R", "to", "central"), "en"));
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Texts.escapeHtml("<b> & \"x\" 'y'"));
    }

    @Test
    void settingsNameTheirWrongKey() {
        assertThrows(IllegalArgumentException.class, () -> new NotificationSettings("ftp://x", null, Duration.ofMinutes(1), "fr",
            Duration.ofSeconds(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NotificationSettings("http://x", null,
            Duration.ofMinutes(1), "de", Duration.ofSeconds(1)));
        assertEquals(true, e.getMessage().contains("default.language"));
        assertEquals("http://x", new NotificationSettings("http://x//", " ", Duration.ZERO, "en", Duration.ofSeconds(1)).baseUrl());
        assertNull(new NotificationSettings("http://x", " ", Duration.ZERO, "en", Duration.ofSeconds(1)).unsubscribeSecret());
    }
}
