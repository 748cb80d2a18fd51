package org.entraide.notifications.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The new text of a reply by e-mail: its text/plain part (else its HTML turned into text), without the quoted
 * message the mail client put below or around it, and without the signature. What is left is what the member wrote.
 */
final class ReplyText {
    /** Nobody writes more by e-mail than a post allows: a bigger part is not read at all. */
    static final int MAX_PART_CHARS = 200_000;

    /** "On Mon, 2 Mar 2026 at 10:00, Entraide <...> wrote:", possibly wrapped over two lines by the client. */
    private static final Pattern ON_WROTE = Pattern.compile("(?is)^\\s*on\\b.{0,300}?\\bwrote\\s*:\\s*$");
    /** "Le lun. 2 mars 2026 à 10:00, Entraide <...> a écrit :" */
    private static final Pattern LE_A_ECRIT = Pattern.compile("(?is)^\\s*le\\b.{0,300}?\\ba\\s+écrit\\s*:\\s*$");
    /** Outlook's separator, and its header block of the quoted message ("From:" / "De :" then "Sent:" / "Envoyé :"). */
    private static final Pattern ORIGINAL = Pattern.compile("(?i)^\\s*-{2,}\\s*(original message|message d'origine)\\s*-{2,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(from|de)\\s*:\\*?\\s+.+");
    private static final Pattern HEADER_NEXT = Pattern.compile("(?i)^\\s*\\*?(sent|date|envoyé|to|à|subject|objet)\\s*:.*");
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote>");
    private static final Pattern GMAIL_QUOTE = Pattern.compile("(?is)<div[^>]*class=\"[^\"]*gmail_quote.*");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>|<(p|div|li|tr|h[1-6])\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private ReplyText() {
    }

    /** The reply's body as text: its first text/plain part, else its first text/html part as text; null for none. */
    static String of(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? null : htmlToText(html);
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s.length() > MAX_PART_CHARS ? null : s;
            }
            return null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** HTML as text: the quoted blocks dropped, line breaks where blocks end, tags removed, entities decoded. */
    static String htmlToText(String html) {
        String h = INVISIBLE.matcher(html).replaceAll("");
        h = BLOCKQUOTE.matcher(h).replaceAll("");
        h = GMAIL_QUOTE.matcher(h).replaceAll("");
        h = h.replaceAll("\\s*\\r?\\n\\s*", " ");
        h = BREAK.matcher(h).replaceAll("\n");
        h = TAG.matcher(h).replaceAll("");
        Matcher m = ENTITY.matcher(h);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
            }
        };
    }

    /**
     * What the member wrote: every line up to the first mark of a quoted message ("On ... wrote:", "Le ... a écrit :",
     * Outlook's "-----Original Message-----" or its "From:"/"De :" header block) or of a signature ("-- "), without
     * the quoted lines ("> ...") in between, trimmed.
     */
    static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            String withNext = i + 1 < lines.length ? line + " " + lines[i + 1] : line;
            if (ON_WROTE.matcher(line).matches() || LE_A_ECRIT.matcher(line).matches()
                || ((ON_WROTE.matcher(withNext).matches() || LE_A_ECRIT.matcher(withNext).matches())
                    && i + 1 < lines.length && !lines[i + 1].isBlank())) {
                break;
            }
            if (ORIGINAL.matcher(line).matches()) {
                break;
            }
            if (HEADER_FROM.matcher(line).matches() && i + 1 < lines.length && HEADER_NEXT.matcher(lines[i + 1]).matches()) {
                break;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
    }
}
