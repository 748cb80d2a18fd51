package org.entraide.search.internal;

import java.util.regex.Pattern;

/**
 * A body's Markdown as the text a reader sees, for excerpts: links and images keep their words, emphasis, code
 * marks, headings, quotes and list markers go. Only what excerpts show; the index analyzes the source, whose marks
 * its tokenizers drop anyway.
 */
final class PlainText {
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern LINE_MARKS = Pattern.compile("(?m)^[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlainText() {
    }

    static String of(String markdown) {
        if (markdown == null) {
            return "";
        }
        String s = LINE_MARKS.matcher(markdown).replaceAll("");
        s = IMAGE_OR_LINK.matcher(s).replaceAll("$1");
        s = STRONG.matcher(s).replaceAll("$2");
        s = EMPHASIS.matcher(s).replaceAll("$1");
        s = s.replace("`", "");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}
