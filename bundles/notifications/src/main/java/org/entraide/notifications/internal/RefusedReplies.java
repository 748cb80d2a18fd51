package org.entraide.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import org.entraide.api.mail.Mail;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.Brand;
import org.entraide.api.platform.MemberFacts;

/**
 * Tells a member that their reply by e-mail was not posted, and why, in their language: one e-mail per refused
 * message (its key is derived from the message's), written in the transaction that records the refusal.
 */
final class RefusedReplies {
    private static final Map<String, String[]> WORDS = Map.of(
        "fr", new String[] {"Votre réponse par e-mail n'a pas été publiée",
            "Votre réponse par e-mail n'a pas pu être publiée, pour cette raison :",
            "Vous pouvez la publier depuis la page : "},
        "en", new String[] {"Your reply by e-mail was not posted",
            "Your reply by e-mail could not be posted, for this reason:",
            "You can post it from the page: "});

    private final NotificationStore store;
    private final Platform platform;
    private final NotificationSettings settings;
    private final Supplier<Mail> mail;

    RefusedReplies(NotificationStore store, Platform platform, NotificationSettings settings, Supplier<Mail> mail) {
        this.store = store;
        this.platform = platform;
        this.settings = settings;
        this.mail = mail;
    }

    /** Queues the e-mail; nothing without the e-mail service or an address (the refusal stays recorded). */
    void tell(Connection c, ReplyTokens.Claim claim, String messageKey, String reason) {
        Mail service = mail.get();
        MemberFacts member = platform.members().member(c, claim.brandId(), claim.memberId()).orElse(null);
        String slug = platform.brands().byId(c, claim.brandId()).map(Brand::slug).orElse(null);
        if (service == null || member == null || member.email() == null || member.email().isBlank() || slug == null) {
            return;
        }
        String lang = store.language(c, member.id()).orElse(settings.defaultLanguage());
        String[] w = WORDS.get(lang);
        String link = settings.baseUrl() + "/b/" + slug + (ReplyTokens.QUESTION.equals(claim.threadType()) ? "/questions/"
            : "/complaints/") + claim.threadId();
        String why = reason == null || reason.isBlank() ? "-" : reason.strip();
        String text = Texts.word("mail.hello", lang) + "\n\n" + w[1] + "\n\n  " + why + "\n\n" + w[2] + link + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><body><p>" + Texts.escapeHtml(Texts.word("mail.hello", lang))
            + "</p><p>" + Texts.escapeHtml(w[1]) + "</p><blockquote>" + Texts.escapeHtml(why) + "</blockquote><p>"
            + Texts.escapeHtml(w[2]) + "<a href=\"" + Texts.escapeHtml(link) + "\">" + Texts.escapeHtml(link) + "</a></p></body></html>";
        service.queue(c, new OutgoingMail(claim.brandId(), "ntf-refused-" + digest(messageKey), member.email(), w[0], text, html,
            Map.of()));
    }

    private static String digest(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
