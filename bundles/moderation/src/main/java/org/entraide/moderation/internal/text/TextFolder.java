package org.entraide.moderation.internal.text;

import java.text.Normalizer;

/**
 * Folds a text for matching, one character for one, so that a match in the folded text is at the same place in
 * the original: case folding, accent folding ("é" to "e"), and leet-speak ("@brut1" to "abruti") inside words
 * that contain a letter. A word of digits only is left alone: "455 €" must not read as "ass".
 */
public final class TextFolder {
    private TextFolder() {
    }

    public static String fold(String text) {
        char[] out = new char[text.length()];
        int i = 0;
        while (i < text.length()) {
            if (!isWordChar(text.charAt(i))) {
                out[i] = ' ';
                i++;
                continue;
            }
            int end = i;
            boolean letter = false;
            while (end < text.length() && isWordChar(text.charAt(end))) {
                letter |= Character.isLetter(text.charAt(end));
                end++;
            }
            // trailing "!" or "$" are punctuation ("nul!!"), not letters
            int wordEnd = end;
            while (wordEnd > i && (text.charAt(wordEnd - 1) == '!' || text.charAt(wordEnd - 1) == '$')) {
                wordEnd--;
            }
            for (int k = i; k < end; k++) {
                out[k] = k >= wordEnd ? ' ' : fold(text.charAt(k), letter);
            }
            i = end;
        }
        return new String(out);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '!';
    }

    private static char fold(char c, boolean leet) {
        if (leet) {
            switch (c) {
                case '@', '4' -> {
                    return 'a';
                }
                case '1', '!' -> {
                    return 'i';
                }
                case '3' -> {
                    return 'e';
                }
                case '0' -> {
                    return 'o';
                }
                case '5', '$' -> {
                    return 's';
                }
                case '7' -> {
                    return 't';
                }
                default -> {
                }
            }
        }
        char lower = Character.toLowerCase(c);
        if (lower < 128) {
            return lower;
        }
        String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return switch (lower) {
            case 'œ' -> 'o';
            case 'æ' -> 'a';
            case 'ß' -> 's';
            default -> base;
        };
    }
}
