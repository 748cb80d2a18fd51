package org.entraide.core.internal.content;

import org.entraide.api.problem.ProblemException;

/**
 * The limits of a post's title and body, in one place: the request bodies of the API declare them as constraints,
 * and a text that does not come through a request body (a moderator's correction) is checked against them here.
 */
public final class PostText {
    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20000;

    private PostText() {
    }

    /** A title, cleaned as on submission; 400 on the field when it is out of bounds. */
    public static String title(String raw) {
        String t = TextRules.clean(raw, true);
        if (t == null || t.length() < TITLE_MIN || t.length() > TITLE_MAX) {
            throw ProblemException.invalid("title", "between " + TITLE_MIN + " and " + TITLE_MAX + " characters");
        }
        return t;
    }

    /** A body, cleaned as on submission; 400 on the field when it is empty or too long. */
    public static String body(String raw) {
        String b = TextRules.clean(raw, false);
        if (b == null || b.isEmpty() || b.length() > BODY_MAX) {
            throw ProblemException.invalid("body", "required, at most " + BODY_MAX + " characters");
        }
        return b;
    }
}
