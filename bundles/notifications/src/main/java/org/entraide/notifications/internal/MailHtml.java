package org.entraide.notifications.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML a brand admin may write in an e-mail template: a few formatting tags without attributes, and links to
 * http(s) addresses or to the notification's {@code {link}}. Everything else is kept as text, escaped: a script, an
 * event handler or a style never reaches a member's mail client.
 */
final class MailHtml {
    private static final Set<String> TAGS = Set.of("p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "h2", "h3",
        "blockquote", "hr", "a");
    private static final Set<String> VOID = Set.of("br", "hr");
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern PARTS = Pattern.compile("^<\\s*(/?)\\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>$", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SAFE_HREF = Pattern.compile("(https?://[^\\s\"'<>`]+|\\{link})");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});");

    private MailHtml() {
    }

    static String sanitize(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Matcher m = TAG.matcher(html);
        int at = 0;
        while (m.find()) {
            out.append(text(html.substring(at, m.start()))).append(tag(m.group()));
            at = m.end();
        }
        return out.append(text(html.substring(at))).toString();
    }

    private static String tag(String raw) {
        Matcher p = PARTS.matcher(raw);
        if (!p.matches()) {
            return "";
        }
        String name = p.group(2).toLowerCase(Locale.ROOT);
        if (!TAGS.contains(name)) {
            return "";
        }
        if (!p.group(1).isEmpty()) {
            return VOID.contains(name) ? "" : "</" + name + ">";
        }
        if (name.equals("a")) {
            Matcher href = HREF.matcher(p.group(3));
            if (href.find()) {
                String target = href.group(2) != null ? href.group(2) : href.group(3);
                if (SAFE_HREF.matcher(target.strip()).matches()) {
                    return "<a href=\"" + target.strip().replace("&", "&amp;") + "\">";
                }
            }
            return "<a>";
        }
        return "<" + name + ">";
    }

    /** Text between tags: markup characters escaped, entities the author wrote kept. */
    private static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '&' -> {
                    Matcher e = ENTITY.matcher(s).region(i, s.length());
                    out.append(e.lookingAt() ? "&" : "&amp;");
                }
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
