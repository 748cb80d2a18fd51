package org.entraide.notifications.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;

/**
 * A brand's own subject, text and HTML of a kind's e-mail in one language, over the shipped default. Templates name
 * values as {@code {title}}; {@code {text}} is the notification's one-line text and {@code {link}} its absolute
 * address. Used for the e-mail of one notification; grouped e-mails and digests list the one-line texts.
 */
final class BrandTemplates {
    /** A template, or an e-mail rendered from one. */
    record Template(String subject, String text, String html) {
    }

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 5000;
    static final int MAX_HTML = 10000;
    /** Every value a notification may carry, plus the line and the link. */
    static final Set<String> VALUES = Set.of("text", "link", "title", "store", "due", "reason", "badge", "percent", "kind",
        "until", "day", "members", "questions", "answers", "complaints", "late", "held", "top", "message", "author");
    private static final Pattern VALUE = Pattern.compile("\\{([^{}]*)}");

    /** The shipped default, in the same template language a brand overrides it with. */
    static Template shipped(String lang) {
        String open = Texts.word("mail.open", lang);
        return new Template("{text}", "{text}\n\n" + open + " : {link}",
            "<p>{text}</p><p><a href=\"{link}\">" + Texts.escapeHtml(open) + "</a></p>");
    }

    Optional<Template> override(Connection c, long brandId, String kind, String lang) {
        return Sql.one(c, "SELECT subject, text_body, html_body FROM ntf_template WHERE brand_id = ? AND kind = ? AND language = ?",
            rs -> new Template(rs.getString(1), rs.getString(2), rs.getString(3)), brandId, kind, lang);
    }

    void save(Connection c, long brandId, String kind, String lang, Template t, Instant at) {
        if (Sql.update(c, "UPDATE ntf_template SET subject = ?, text_body = ?, html_body = ?, updated_at = ? WHERE brand_id = ? "
            + "AND kind = ? AND language = ?", t.subject(), t.text(), t.html(), at, brandId, kind, lang) == 0) {
            Sql.update(c, "INSERT INTO ntf_template (brand_id, kind, language, subject, text_body, html_body, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", brandId, kind, lang, t.subject(), t.text(), t.html(), at);
        }
    }

    boolean delete(Connection c, long brandId, String kind, String lang) {
        return Sql.update(c, "DELETE FROM ntf_template WHERE brand_id = ? AND kind = ? AND language = ?", brandId, kind, lang) > 0;
    }

    /** A template as a brand admin sent it: checked (a 400 naming the field), its HTML sanitized. */
    static Template checked(Template t) {
        if (t == null) {
            throw ProblemException.invalid("subject", "subject, text and html are required");
        }
        String subject = required("subject", t.subject(), MAX_SUBJECT);
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw ProblemException.invalid("subject", "must be one line");
        }
        String text = required("text", t.text(), MAX_TEXT);
        String html = MailHtml.sanitize(required("html", t.html(), MAX_HTML));
        if (html.length() > MAX_HTML) {
            throw ProblemException.invalid("html", MAX_HTML + " characters at most once escaped");
        }
        return new Template(subject, text, html);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "required");
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, max + " characters at most");
        }
        if (value.indexOf('\0') >= 0) {
            throw ProblemException.invalid(field, "must not contain NUL");
        }
        Matcher m = VALUE.matcher(value);
        while (m.find()) {
            if (!VALUES.contains(m.group(1))) {
                throw ProblemException.invalid(field, "unknown value {" + m.group(1) + "}; known: " + String.join(", ",
                    new java.util.TreeSet<>(VALUES)));
            }
        }
        return value.strip();
    }

    /** The e-mail of one notification: values written in, escaped in the HTML, the subject kept on one line. */
    static Template render(Template t, Map<String, String> values) {
        Map<String, String> escaped = new HashMap<>();
        values.forEach((k, v) -> escaped.put(k, Texts.escapeHtml(v)));
        String subject = Texts.render(t.subject(), values).replaceAll("[\\r\\n]+", " ").strip();
        return new Template(subject.length() > 180 ? subject.substring(0, 179) + "…" : subject, Texts.render(t.text(), values),
            Texts.render(t.html(), escaped));
    }
}
