package org.entraide.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Excerpts show a body's words, not its Markdown. */
class PlainTextTest {
    @Test
    void marksGoAndWordsStay() {
        assertEquals("Je dois fixer des étagères sur un mur en béton. Perceuse à percussion ?",
            PlainText.of("Je dois fixer des étagères sur un mur en **béton**. *Perceuse* à percussion ?"));
        assertEquals("Titre Voir la notice et la photo du code mon_fichier.txt",
            PlainText.of("## Titre\n\nVoir [la notice](http://127.0.0.1/notice) et ![la photo](x.png) du `code` mon_fichier.txt"));
        assertEquals("un deux trois cité", PlainText.of("- un\n* deux\n1. trois\n> cité"));
        assertEquals("2 * 3 = 6 et a*b", PlainText.of("2 * 3 = 6 et a*b"), "a lone star is text");
        assertEquals("", PlainText.of(null));
    }

    @Test
    void theExcerptIsHighlightedOnTheText() {
        Highlights h = new Highlights(new TermQuery(new Term(Analysis.BODY_FR, "beton")));
        String excerpt = h.excerpt("Un mur en **béton** <b>armé</b>.");
        assertTrue(excerpt.contains("<mark>béton</mark>"), excerpt);
        assertTrue(!excerpt.contains("**") && excerpt.contains("&lt;b&gt;"), "no Markdown marks, a member's markup escaped: " + excerpt);
    }
}
