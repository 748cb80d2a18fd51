package org.entraide.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void aTitleIsOneLineWithSingleSpaces() {
        assertEquals("a b", Texts.clean("  a  \t\n  b ", true));
        assertEquals("a b", Texts.clean("a\u00A0\u2003b", true), "no-break and em spaces are spaces too");
    }

    @Test
    void invisibleAndMisleadingCharactersGo() {
        assertEquals("ab", Texts.clean("a\u0000\u0007b", false), "NUL and BEL");
        assertEquals("ab", Texts.clean("a\uD800b\uDC00", false), "unpaired surrogates");
        assertEquals("cba.exe", Texts.clean("\u202Ecba.exe", true), "a right-to-left override");
        assertEquals("a\uD83D\uDE00b", Texts.clean("a\uD83D\uDE00b", false), "a paired surrogate (an emoji) stays");
        assertEquals("", Texts.clean("\u0001\u0002\u0003", false), "control characters only: nothing left to check");
    }

    @Test
    void aBodyKeepsItsLinesNormalisedAndComposed() {
        assertEquals("one\n\ntwo\nthree", Texts.clean("one  \r\n\r\ntwo\rthree\n", false));
        assertEquals("\u00E9t\u00E9", Texts.clean("e\u0301te\u0301", false), "composed (NFC)");
        assertNull(Texts.clean(null, true));
    }
}
