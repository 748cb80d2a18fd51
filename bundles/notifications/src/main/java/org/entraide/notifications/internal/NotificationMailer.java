package org.entraide.notifications.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.entraide.api.mail.Mail;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.platform.MemberFacts;

/**
 * Decides and writes the e-mails of notifications, in the dispatcher's (or the flusher's) transaction: at most one
 * e-mail per recipient and thread per window; later notifications of the thread wait and leave together, in one
 * e-mail, when the window ends. The key of an e-mail is {@code ntf-<id>} of its first notification, so a replay
 * never writes it twice.
 */
final class NotificationMailer {
    private final NotificationStore store;
    private final Platform platform;
    private final NotificationSettings settings;
    private final Supplier<Mail> mail;
    private final Supplier<UnsubscribeTokens> tokens;

    NotificationMailer(NotificationStore store, Platform platform, NotificationSettings settings, Supplier<Mail> mail,
                       Supplier<UnsubscribeTokens> tokens) {
        this.store = store;
        this.platform = platform;
        this.settings = settings;
        this.mail = mail;
        this.tokens = tokens;
    }

    /** The e-mails of the notifications an event just wrote with the e-mail channel. */
    void afterEvent(Connection c, long eventId, Instant now) {
        for (NotificationStore.Row n : store.toMail(c, eventId)) {
            var last = store.lastSent(c, n.recipientId(), n.threadType(), n.threadId());
            if (last.isPresent() && last.get().plus(settings.threadWindow()).isAfter(now)) {
                store.emailState(c, n.id(), "PENDING");
                store.flushAt(c, n.recipientId(), n.threadType(), n.threadId(), last.get().plus(settings.threadWindow()));
            } else {
                boolean sent = send(c, List.of(n));
                store.emailState(c, n.id(), sent ? "SENT" : "NONE");
                if (sent) {
                    store.sent(c, n.brandId(), n.recipientId(), n.threadType(), n.threadId(), now);
                }
            }
        }
    }

    /** Sends the grouped e-mail of every thread whose window ended. @return e-mails written */
    int flushDue(Connection c, Instant now, int limit) {
        int written = 0;
        for (Object[] t : store.dueThreads(c, now, limit)) {
            long brandId = (Long) t[0];
            long recipient = (Long) t[1];
            String threadType = (String) t[2];
            long threadId = (Long) t[3];
            List<NotificationStore.Row> waiting = store.pending(c, recipient, threadType, threadId);
            boolean sent = !waiting.isEmpty() && send(c, waiting);
            for (NotificationStore.Row n : waiting) {
                store.emailState(c, n.id(), sent ? "SENT" : "NONE");
            }
            store.sent(c, brandId, recipient, threadType, threadId, now);
            written += sent ? 1 : 0;
        }
        return written;
    }

    /** Writes one e-mail about the notifications (one thread, one recipient). @return false when it could not be sent */
    private boolean send(Connection c, List<NotificationStore.Row> rows) {
        NotificationStore.Row first = rows.get(0);
        MemberFacts member = platform.members().member(c, first.brandId(), first.recipientId()).orElse(null);
        if (member == null || member.email() == null || member.email().isBlank()) {
            return false;
        }
        String lang = store.language(c, member.id()).orElse(settings.defaultLanguage());
        String slug = store.slug(c, first.brandId()).orElse(null);
        String link = slug == null ? settings.baseUrl() + "/" : settings.baseUrl() + first.linkPath().replace(Draft.BRAND, slug);
        String unsubscribe = slug == null ? null : settings.baseUrl() + "/api/v1/brands/" + slug
            + "/notifications/unsubscribe?token=" + URLEncoder.encode(tokens.get().token(first.brandId(), member.id(),
            first.kind()), StandardCharsets.UTF_8);
        List<String> lines = rows.stream().map(r -> Texts.line(r.kind(), r.params(), lang)).toList();
        String subject = rows.size() == 1 ? lines.get(0) : Texts.render(Texts.word("mail.group", lang),
            Map.of("count", Integer.toString(rows.size()), "title", String.valueOf(first.params().getOrDefault("title", ""))));
        subject = subject.length() > 180 ? subject.substring(0, 179) + "…" : subject;
        StringBuilder text = new StringBuilder(Texts.word("mail.hello", lang)).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(lang).append("\"><body><p>")
            .append(Texts.escapeHtml(Texts.word("mail.hello", lang))).append("</p><ul>");
        for (String line : lines) {
            text.append("- ").append(line).append('\n');
            html.append("<li>").append(Texts.escapeHtml(line)).append("</li>");
        }
        text.append('\n').append(Texts.word("mail.open", lang)).append(" : ").append(link).append("\n\n-- \n")
            .append(Texts.word("mail.why", lang)).append('\n');
        html.append("</ul><p><a href=\"").append(Texts.escapeHtml(link)).append("\">").append(Texts.escapeHtml(Texts.word("mail.open", lang)))
            .append("</a></p><hr><p><small>").append(Texts.escapeHtml(Texts.word("mail.why", lang)));
        Map<String, String> headers = new LinkedHashMap<>();
        if (unsubscribe != null) {
            text.append(Texts.word("mail.unsubscribe", lang)).append(" : ").append(unsubscribe).append('\n');
            html.append(" <a href=\"").append(Texts.escapeHtml(unsubscribe)).append("\">")
                .append(Texts.escapeHtml(Texts.word("mail.unsubscribe", lang))).append("</a>");
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        html.append("</small></p></body></html>");
        Mail.Queued q = mail.get().queue(c, new OutgoingMail(first.brandId(), "ntf-" + first.id(), member.email(), subject,
            text.toString(), html.toString(), headers));
        return q != Mail.Queued.SUPPRESSED;
    }
}
