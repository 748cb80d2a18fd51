package org.entraide.incidents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.entraide.incidents.internal.detect.SimilarTexts;
import org.junit.jupiter.api.Test;

/** The groups of similar texts a title counts in. */
class SimilarTextsTest {
    @Test
    void aTitleCountsInTheGroupsOfItsFirstSignificantWordsWithoutCaseNorAccents() {
        assertEquals(List.of("words:rappel", "words:steak", "words:hache", "words:contamine"),
            SimilarTexts.scopes("RAPPEL du steak haché, lot contaminé n°1234 !"), "du, lot and n are short, 1234 a number");
        assertEquals(List.of("words:terminal", "words:paiement", "words:service"),
            SimilarTexts.scopes("Terminal de paiement hors service dans le magasin"), "hors, dans, magasin: stop words");
        assertEquals(List.of("words:checkout", "words:broken"), SimilarTexts.scopes("The checkout is broken again in this store"));
        assertEquals(List.of("words:aaaa", "words:bbbb", "words:cccc", "words:dddd"),
            SimilarTexts.scopes("aaaa bbbb aaaa cccc dddd eeee"), "four distinct words at most");
        assertEquals(30, SimilarTexts.scopes("x".repeat(80)).get(0).length() - SimilarTexts.PREFIX.length());
        assertEquals(List.of(), SimilarTexts.scopes(null));
        assertEquals(List.of(), SimilarTexts.scopes("Bonjour, merci !"));
    }
}
