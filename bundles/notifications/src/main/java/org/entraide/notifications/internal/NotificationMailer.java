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
import org.entraide.api.model.Brand;
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
    /** Null while the platform's e-mail service is absent: notifications then stay in the product. */
    private final Supplier<Mail> mail;
    private final Supplier<UnsubscribeTokens> tokens;
    private final Supplier<ReplyTokens> replyTokens;
    private final BrandTemplates templates = new BrandTemplates();

    NotificationMailer(NotificationStore store, Platform platform, NotificationSettings settings, Supplier<Mail> mail,
                       Supplier<UnsubscribeTokens> tokens, Supplier<ReplyTokens> replyTokens) {
        this.replyTokens = replyTokens;
        this.store = store;
        this.platform = platform;
        this.settings = settings;
        this.mail = mail;
        this.tokens = tokens;
    }

    /** The e-mails of the notifications an event just wrote with the e-mail channel. */
    void afterEvent(Connection c, long eventId, Instant now) {
        for (NotificationStore.Row n : store.toMail(c, eventId)) {
            if (reading(c, n, now)) {
                // the page is in front of them: they see it there, an e-mail would only repeat it
                store.emailState(c, n.id(), "VIEWED");
                continue;
            }
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

    /** The recipient had the notification's page in front of them within the thread window before now. */
    private boolean reading(Connection c, NotificationStore.Row n, Instant now) {
        return store.lastViewed(c, n.recipientId(), n.threadType(), n.threadId())
            .filter(v -> v.plus(settings.threadWindow()).isAfter(now)).isPresent();
    }

    /** Sends the grouped e-mail of every thread whose window ended. @return e-mails written */
    int flushDue(Connection c, Instant now, int limit) {
        int written = 0;
        for (Object[] t : store.dueThreads(c, now, limit)) {
            long brandId = (Long) t[0];
            long recipient = (Long) t[1];
            String threadType = (String) t[2];
            long threadId = (Long) t[3];
            List<NotificationStore.Row> waiting = new java.util.ArrayList<>(store.pending(c, recipient, threadType, threadId));
            // what they saw on the page since it was written needs no e-mail
            Instant viewed = store.lastViewed(c, recipient, threadType, threadId).orElse(Instant.MIN);
            for (NotificationStore.Row n : List.copyOf(waiting)) {
                if (!n.createdAt().isAfter(viewed)) {
                    store.emailState(c, n.id(), "VIEWED");
                    waiting.remove(n);
                }
            }
            boolean sent = !waiting.isEmpty() && send(c, waiting);
            for (NotificationStore.Row n : waiting) {
                store.emailState(c, n.id(), sent ? "SENT" : "NONE");
            }
            store.sent(c, brandId, recipient, threadType, threadId, now);
            written += sent ? 1 : 0;
        }
        return written;
    }

    /** One batch of the digest job: e-mails written, members looked at, and the last of them (where the next starts). */
    record DigestBatch(int written, int members, long lastRecipient) {
    }

    /**
     * Sends the daily or weekly digest that is due of the next {@code limit} members after {@code afterRecipient}: one
     * e-mail with every notification waiting for it, one period after the previous digest of that channel (or after
     * the oldest waiting notification, for a first one).
     */
    DigestBatch digestsDue(Connection c, Channel channel, Instant now, long afterRecipient, int limit) {
        java.time.Duration period = channel == Channel.WEEKLY ? java.time.Duration.ofDays(7) : java.time.Duration.ofDays(1);
        List<Object[]> candidates = store.digestCandidates(c, channel, afterRecipient, limit);
        if (candidates.isEmpty()) {
            return new DigestBatch(0, 0, afterRecipient);
        }
        // read for the whole batch at once: a digest run covers every member of a brand
        List<Long> ids = candidates.stream().map(w -> (Long) w[1]).toList();
        Map<Long, Instant> last = store.lastDigests(c, ids, channel);
        List<Long> due = new java.util.ArrayList<>();
        Map<Long, Long> brandOf = new java.util.HashMap<>();
        for (Object[] w : candidates) {
            long recipient = (Long) w[1];
            brandOf.put(recipient, (Long) w[0]);
            if (!last.getOrDefault(recipient, (Instant) w[2]).plus(period).isAfter(now)) {
                due.add(recipient);
            }
        }
        Map<Long, List<NotificationStore.Row>> waiting = store.waitingDigests(c, due, channel);
        Map<Long, String> languages = store.languages(c, due);
        Map<Long, MemberFacts> members = members(c, due, brandOf);
        Map<Long, String> slugs = new java.util.HashMap<>();
        List<NotificationStore.Row> sent = new java.util.ArrayList<>();
        List<NotificationStore.Row> unsent = new java.util.ArrayList<>();
        List<long[]> recorded = new java.util.ArrayList<>();
        Mail service = mail.get();
        List<OutgoingMail> digests = new java.util.ArrayList<>();
        List<List<NotificationStore.Row>> digested = new java.util.ArrayList<>();
        for (long recipient : due) {
            List<NotificationStore.Row> rows = waiting.getOrDefault(recipient, List.of());
            if (rows.isEmpty()) {
                continue;   // another node took them while this one waited for their lock: its digest, not this one's
            }
            recorded.add(new long[] {brandOf.get(recipient), recipient});
            long brandId = brandOf.get(recipient);
            String slug = slugs.computeIfAbsent(brandId, b -> platform.brands().byId(c, b).map(Brand::slug).orElse(null));
            OutgoingMail m = service == null ? null : compose(c, rows, channel,
                languages.getOrDefault(recipient, settings.defaultLanguage()), slug, members.get(recipient));
            if (m == null) {
                unsent.addAll(rows);
            } else {
                digests.add(m);
                digested.add(rows);
            }
        }
        // queued together: a few statements per hundred digests instead of four each
        List<Mail.Queued> queued = digests.isEmpty() ? List.of() : service.queueAll(c, digests);
        int written = 0;
        for (int i = 0; i < digests.size(); i++) {
            boolean ok = queued.get(i) != Mail.Queued.SUPPRESSED;
            (ok ? sent : unsent).addAll(digested.get(i));
            written += ok ? 1 : 0;
        }
        store.emailStates(c, sent, "SENT");
        store.emailStates(c, unsent, "NONE");
        store.digestsSent(c, recorded, last.keySet(), channel, now);
        return new DigestBatch(written, candidates.size(), ids.get(ids.size() - 1));
    }

    private boolean send(Connection c, List<NotificationStore.Row> rows) {
        return send(c, rows, null);
    }

    /**
     * Writes one e-mail about the notifications of one recipient: one thread's (digest null), or a digest's, where each
     * line has its own link. @return false when it could not be sent (no address, suppressed)
     */
    private boolean send(Connection c, List<NotificationStore.Row> rows, Channel digest) {
        NotificationStore.Row first = rows.get(0);
        return send(c, rows, digest, store.language(c, first.recipientId()).orElse(settings.defaultLanguage()),
            platform.brands().byId(c, first.brandId()).map(Brand::slug).orElse(null));
    }

    /** As above, with the recipient's language and the brand's slug already known. */
    private boolean send(Connection c, List<NotificationStore.Row> rows, Channel digest, String lang, String slug) {
        NotificationStore.Row first = rows.get(0);
        Mail service = mail.get();
        if (service == null) {
            return false;
        }
        OutgoingMail m = compose(c, rows, digest, lang, slug,
            platform.members().member(c, first.brandId(), first.recipientId()).orElse(null));
        return m != null && service.queue(c, m) != Mail.Queued.SUPPRESSED;
    }

    /** The members of a digest batch, read per brand in one statement each. */
    private Map<Long, MemberFacts> members(Connection c, List<Long> recipients, Map<Long, Long> brandOf) {
        Map<Long, List<Long>> byBrand = new java.util.HashMap<>();
        recipients.forEach(r -> byBrand.computeIfAbsent(brandOf.get(r), b -> new java.util.ArrayList<>()).add(r));
        Map<Long, MemberFacts> out = new java.util.HashMap<>();
        byBrand.forEach((brand, ids) -> out.putAll(platform.members().members(c, brand, ids)));
        return out;
    }

    /**
     * The e-mail about these notifications of one recipient (see {@link #send}); null when the member is gone or has
     * no address.
     */
    private OutgoingMail compose(Connection c, List<NotificationStore.Row> rows, Channel digest, String lang, String slug,
                                 MemberFacts member) {
        NotificationStore.Row first = rows.get(0);
        if (member == null || member.email() == null || member.email().isBlank()) {
            return null;
        }
        String unsubscribe = slug == null ? null : settings.baseUrl() + "/api/v1/brands/" + slug
            + "/notifications/unsubscribe?token=" + URLEncoder.encode(tokens.get().token(first.brandId(), member.id(),
            first.kind()), StandardCharsets.UTF_8);
        List<String> lines = rows.stream().map(r -> Texts.line(r.kind(), r.params(), lang)).toList();
        String subject;
        if (digest != null) {
            subject = Texts.render(Texts.word(digest == Channel.WEEKLY ? "mail.weekly" : "mail.daily", lang),
                Map.of("count", Integer.toString(rows.size())));
        } else if (rows.size() == 1) {
            subject = lines.get(0);
        } else {
            subject = Texts.render(Texts.word("mail.group", lang), Map.of("count", Integer.toString(rows.size()), "title",
                String.valueOf(first.params().getOrDefault("title", ""))));
        }
        subject = subject.length() > 180 ? subject.substring(0, 179) + "…" : subject;
        StringBuilder text = new StringBuilder(Texts.word("mail.hello", lang)).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(lang).append("\"><body><p>")
            .append(Texts.escapeHtml(Texts.word("mail.hello", lang))).append("</p><ul>");
        for (int i = 0; i < rows.size(); i++) {
            text.append("- ").append(lines.get(i)).append('\n');
            html.append("<li>").append(Texts.escapeHtml(lines.get(i)));
            if (digest != null) {
                String link = link(rows.get(i), slug);
                text.append("  ").append(link).append('\n');
                html.append(" <a href=\"").append(Texts.escapeHtml(link)).append("\">")
                    .append(Texts.escapeHtml(Texts.word("mail.open", lang))).append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
        String replyTo = digest == null ? replyTo(first, member.id()) : null;
        if (digest == null) {
            String link = link(first, slug);
            text.append('\n').append(Texts.word("mail.open", lang)).append(" : ").append(link).append('\n');
            html.append("<p><a href=\"").append(Texts.escapeHtml(link)).append("\">")
                .append(Texts.escapeHtml(Texts.word("mail.open", lang))).append("</a></p>");
            if (replyTo != null) {
                text.append(Texts.word("mail.reply", lang)).append('\n');
                html.append("<p>").append(Texts.escapeHtml(Texts.word("mail.reply", lang))).append("</p>");
            }
        }
        BrandTemplates.Template own = digest == null && rows.size() == 1 && slug != null
            ? templates.override(c, first.brandId(), first.kind(), lang).orElse(null) : null;
        if (own != null) {
            // the brand's own words for this kind; the footer (why, unsubscribe) stays the platform's
            Map<String, String> values = new java.util.HashMap<>(Texts.values(first.params(), lang));
            values.put("text", lines.get(0));
            values.put("link", link(first, slug));
            BrandTemplates.Template rendered = BrandTemplates.render(own, values);
            subject = rendered.subject();
            text = new StringBuilder(rendered.text()).append('\n');
            html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(lang).append("\"><body>").append(rendered.html());
            if (replyTo != null) {
                text.append('\n').append(Texts.word("mail.reply", lang)).append('\n');
                html.append("<p>").append(Texts.escapeHtml(Texts.word("mail.reply", lang))).append("</p>");
            }
        }
        text.append("\n-- \n").append(Texts.word("mail.why", lang)).append('\n');
        html.append("<hr><p><small>").append(Texts.escapeHtml(Texts.word("mail.why", lang)));
        Map<String, String> headers = new LinkedHashMap<>();
        if (unsubscribe != null) {
            text.append(Texts.word("mail.unsubscribe", lang)).append(" : ").append(unsubscribe).append('\n');
            html.append(" <a href=\"").append(Texts.escapeHtml(unsubscribe)).append("\">")
                .append(Texts.escapeHtml(Texts.word("mail.unsubscribe", lang))).append("</a>");
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (replyTo != null) {
            headers.put("Reply-To", replyTo);
        }
        html.append("</small></p></body></html>");
        String key = (digest == null ? "ntf-" : "ntf-" + digest.key() + "-") + first.id();
        return new OutgoingMail(first.brandId(), key, member.email(), subject, text.toString(), html.toString(), headers);
    }

    /**
     * The address a reply to this e-mail goes to: the inbound mailbox with a {@code +token} naming the recipient and
     * the thread (a question, a complaint); null without reply by e-mail or for a thread replies cannot go to.
     */
    private String replyTo(NotificationStore.Row n, long memberId) {
        String address = settings.replyAddress();
        if (address == null) {
            return null;
        }
        String token = replyTokens.get().token(n.brandId(), memberId, n.threadType(), n.threadId());
        if (token == null) {
            return null;
        }
        int at = address.indexOf('@');
        return address.substring(0, at) + "+" + token + address.substring(at);
    }

    /** The absolute link of a notification; the site's home page while the brand's slug is unknown. */
    private String link(NotificationStore.Row n, String slug) {
        return slug == null ? settings.baseUrl() + "/" : settings.baseUrl() + n.linkPath().replace(Draft.BRAND, slug);
    }
}
