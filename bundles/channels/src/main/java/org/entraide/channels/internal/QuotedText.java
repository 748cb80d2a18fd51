package org.entraide.channels.internal;

import java.util.regex.Pattern;

/**
 * The new part of a reply: without the quoted message (lines starting with {@code >}, and everything from
 * "On ... wrote:" / "Le ... a écrit :", Outlook's "-----Original Message-----" or the signature separator
 * {@code "-- "}). A quoted message through the relay only holds masked addresses, but it is the other party's own text
 * sent back to them, and it would fill the private thread twice.
 */
final class QuotedText {
    private static final Pattern CUT = Pattern.compile(
        "(?im)^(on\\b.{0,200}\\bwrote:\\s*|le\\b.{0,200}\\ba écrit\\s?:\\s*|-{2,}\\s*original message\\s*-{2,}\\s*|-- )$");

    private QuotedText() {
    }

    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String unified = text.replace("\r\n", "\n");
        var m = CUT.matcher(unified);
        String kept = m.find() ? unified.substring(0, m.start()) : unified;
        StringBuilder out = new StringBuilder();
        for (String line : kept.split("\n", -1)) {
            if (!line.startsWith(">")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }
}
