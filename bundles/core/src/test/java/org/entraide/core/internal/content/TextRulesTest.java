package org.entraide.core.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextRulesTest {
    @Test
    void cleaningTrimsAndDropsControlCharacters() {
        assertEquals("Hello world", TextRules.clean("  Hello\u0000 wor\u0007ld\u001b  ", false), "NUL, BEL and ESC are dropped");
        assertEquals("line one\n\tline two", TextRules.clean("line one\n\tline two", false),
            "a multi-line text keeps its line feeds and tabs");
        assertEquals("a\nb\nc", TextRules.clean("a\r\nb\rc", false), "whose carriage returns become line feeds");
        assertNull(TextRules.clean(null, true), "null stays null");
    }

    @Test
    void singleLineTextFoldsWhitespace() {
        assertEquals("A title on one line", TextRules.clean(" A  title\non\tone\r\nline ", true), "runs of whitespace become a space");
        assertEquals("", TextRules.clean(" \n\t ", true), "blank becomes empty");
    }

    @Test
    void lettersOfEveryScriptAreKept() {
        assertEquals("Équipe Ünïcödé 日本語 😀", TextRules.clean("Équipe Ünïcödé 日本語 😀", true), "non-ASCII text is untouched");
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("camille@demo.example", TextRules.normalizeEmail("  Camille@Demo.EXAMPLE "), "one spelling per e-mail");
        assertNull(TextRules.normalizeEmail(null), "null stays null");
    }
}
