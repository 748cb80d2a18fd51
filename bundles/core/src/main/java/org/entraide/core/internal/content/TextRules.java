package org.entraide.core.internal.content;

import org.entraide.api.text.Texts;

/** Normalisation of user text before it is stored. */
public final class TextRules {
    private TextRules() {
    }

    /** The platform's one cleaning ({@link Texts}): a one-line text also folds its line breaks into spaces. */
    public static String clean(String text, boolean singleLine) {
        return Texts.clean(text, singleLine);
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
