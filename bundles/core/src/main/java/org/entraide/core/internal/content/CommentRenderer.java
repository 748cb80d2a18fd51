package org.entraide.core.internal.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Comments are one short paragraph of Markdown, inline only: bold, italic, code and links (rel nofollow ugc). No
 * block is parsed (a heading, a list or a quote stays text) and no image is kept. An {@code @pseudonym} of a member
 * of the brand becomes a link to their profile; the sanitizer is the second line of defence, as for posts.
 */
public final class CommentRenderer {
    /** The longest comment, in characters, after cleaning. */
    public static final int MAX_LENGTH = 600;

    /**
     * {@code @} then a pseudonym's characters (as registration allows them), not inside a word or an address: "a@b.c"
     * names nobody. A pseudonym's trailing dots and dashes are punctuation ("thanks @bob.").
     */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([\\p{L}\\p{N}_.-]{3,30})");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements("strong", "em", "code", "a", "br")
        .allowUrlProtocols("https", "http")
        .allowAttributes("href").onElements("a")
        .allowAttributes("class").matching(false, "mention").onElements("a")
        .requireRelsOnLinks("nofollow", "ugc", "noopener")
        .toFactory();

    private final Parser parser = Parser.builder().enabledBlockTypes(Set.of()).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** A member a comment names. */
    public record Mention(long memberId, String pseudonym) {
    }

    /** The pseudonyms a text names with {@code @}, as written, in order, each once. */
    public static List<String> mentionedNames(String markdown) {
        List<String> names = new ArrayList<>();
        Node doc = new Parser.Builder().enabledBlockTypes(Set.of()).build().parse(markdown);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                Matcher m = MENTION.matcher(text.getLiteral());
                while (m.find()) {
                    String name = trimmed(m.group(1));
                    if (name.length() >= 3 && names.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
                        names.add(name);
                    }
                }
            }
        });
        return names;
    }

    /**
     * The HTML of a comment: {@code mentions} maps a pseudonym's lower-case key to the member it names, and
     * {@code profileLink} makes the address of their profile. An {@code @name} nobody has stays text.
     */
    public String toHtml(String markdown, Map<String, Mention> mentions, Function<Mention, String> profileLink) {
        Node doc = parser.parse(markdown);
        List<Text> texts = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }

            @Override
            public void visit(Link link) {
                // a mention inside a link's text stays text: a link in a link is not HTML
            }
        });
        for (Text text : texts) {
            link(text, mentions, profileLink);
        }
        String html = renderer.render(doc).strip();
        // one paragraph (or several, for blank lines): inline only, so paragraphs become line breaks
        html = html.replaceAll("^<p>", "").replaceAll("</p>$", "").replace("</p>\n<p>", "<br><br>");
        return POLICY.sanitize(html);
    }

    private static void link(Text text, Map<String, Mention> mentions, Function<Mention, String> profileLink) {
        String s = text.getLiteral();
        Matcher m = MENTION.matcher(s);
        int from = 0;
        Node last = text;
        boolean changed = false;
        while (m.find()) {
            String name = trimmed(m.group(1));
            Mention who = mentions.get(name.toLowerCase(java.util.Locale.ROOT));
            if (who == null) {
                continue;
            }
            Text before = new Text(s.substring(from, m.start()));
            last.insertAfter(before);
            Link link = new Link(profileLink.apply(who), null);
            link.appendChild(new Text("@" + who.pseudonym()));
            before.insertAfter(link);
            last = link;
            from = m.start() + 1 + name.length();
            changed = true;
        }
        if (changed) {
            last.insertAfter(new Text(s.substring(from)));
            text.unlink();
        }
    }

    private static String trimmed(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == '-')) {
            end--;
        }
        return name.substring(0, end);
    }
}
