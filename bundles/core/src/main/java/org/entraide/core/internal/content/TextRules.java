package org.entraide.core.internal.content;

import java.util.regex.Pattern;

/** Normalisation of user text before it is stored. */
public final class TextRules {
    /** Control characters other than tab, line feed and carriage return. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private TextRules() {
    }

    /** Trims and removes control characters; a one-line text also folds its line breaks into spaces. */
    public static String clean(String text, boolean singleLine) {
        if (text == null) {
            return null;
        }
        String t = CONTROL.matcher(text).replaceAll("");
        if (singleLine) {
            t = t.replaceAll("\\s+", " ");
        }
        return t.strip();
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
