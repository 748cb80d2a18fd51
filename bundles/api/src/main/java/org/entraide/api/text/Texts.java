package org.entraide.api.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one cleaning of user text, applied before any check: what a reader cannot see or what misleads them goes
 * (control characters, unpaired surrogates, bidirectional overrides, non-characters), the text is composed (NFC)
 * and trimmed. Pure functions, safe on any thread.
 */
public final class Texts {
    /** Control characters but tab and line feed; carriage returns are line breaks, normalised first. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");
    /** Embeddings, overrides and isolates, which can make a text read backwards (U+202E). */
    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern TRAILING = Pattern.compile("[ \\t\\p{Z}]+\\n");

    private Texts() {
    }

    /**
     * @param singleLine true for a title or a name: every run of white space, line breaks included, becomes one space
     * @return the cleaned text, null for null
     */
    public static String clean(String text, boolean singleLine) {
        if (text == null) {
            return null;
        }
        String t = withoutUnpairedSurrogates(text).replace("\r\n", "\n").replace('\r', '\n');
        t = CONTROL.matcher(t).replaceAll("");
        t = BIDI.matcher(t).replaceAll("");
        t = t.replace("\uFFFE", "").replace("\uFFFF", "");
        t = Normalizer.normalize(t, Normalizer.Form.NFC);
        t = singleLine ? SPACES.matcher(t).replaceAll(" ") : TRAILING.matcher(t).replaceAll("\n");
        return t.strip();
    }

    private static String withoutUnpairedSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean paired = Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(ch).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(ch)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(ch);
            }
        }
        return out == null ? text : out.toString();
    }
}
