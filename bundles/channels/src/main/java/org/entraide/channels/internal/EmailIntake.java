package org.entraide.channels.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.Brand;
import org.entraide.api.model.Store;
import org.entraide.api.text.Texts;
import org.entraide.api.web.Pictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages read from the stores' mailbox: one sent to {@code <store-code>@<brand's inbound domain>} is kept, and its
 * sender gets a link to confirm that the address is theirs; the complaint is filed when they open it
 * ({@link IntakeApi#confirm}). A follow-up about a complaint still open goes into its private thread
 * ({@link FollowUps}); a message to a complaint's masked address goes through the {@link ContactRelay}. A message read twice (same Message-ID) counts once; one that is not for a store of a
 * brand with channels on, or has no single sender or no text, is ignored and logged.
 */
final class EmailIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EmailIntake.class);
    private static final String[] RECIPIENT_HEADERS = {"To", "Cc", "Delivered-To", "X-Original-To"};

    /** What became of a message, for the log and the tests. */
    enum Result { KEPT, THREADED, RELAYED, DUPLICATE, REFUSED, IGNORED }

    private record Target(Brand brand, Store store) {
    }

    private record RelayTarget(Brand brand, String domain, RelayStore.Addressed to) {
    }

    private final CoreServices core;
    private final IntakeStore store;
    private final Attachments attachments;
    private final AttachmentsApi limits;
    private final ChannelSettings settings;
    private final Clock clock;
    private final RelayStore relays;
    private final FollowUps followUps;
    private final ContactRelay relay;

    EmailIntake(CoreServices core, IntakeStore store, RelayStore relays, FollowUps followUps, ContactRelay relay,
                Attachments attachments, AttachmentsApi limits, ChannelSettings settings, Clock clock) {
        this.core = core;
        this.attachments = attachments;
        this.limits = limits;
        this.store = store;
        this.relays = relays;
        this.followUps = followUps;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    Result handle(Message message) {
        try {
            return read(message);
        } catch (MessagingException | IOException e) {
            LOG.warn("Message to a store ignored: unreadable ({})", e.toString());
            return Result.IGNORED;
        }
    }

    private Result read(Message message) throws MessagingException, IOException {
        if (message.getSize() > settings.intakeMaxBytes()) {
            return ignored("larger than " + settings.intakeMaxBytes() + " bytes");
        }
        String from = sender(message);
        if (from == null) {
            return ignored("not one sender address");
        }
        RelayTarget relayTarget = relayTarget(message);
        if (relayTarget != null) {
            String text = reply(message);
            return relay.handle(relayTarget.brand(), relayTarget.domain(), relayTarget.to(), from,
                key(message, from, text), text);
        }
        Target target = target(message);
        if (target == null) {
            return ignored("not to a store address of a brand with channels on");
        }
        IntakeStore.Filed followed = followUps.of(target.brand(), target.store().code(), from, references(message));
        if (followed != null) {
            String text = reply(message);
            if (text == null || text.isBlank()) {
                return ignored("no text");
            }
            return followUps.post(target.brand(), followed, key(message, from, text), text);
        }
        String body = Texts.clean(text(message), false);
        if (body == null || body.isBlank()) {
            return ignored("no text");
        }
        body = body.length() > 20_000 ? body.substring(0, 20_000) : body;
        String subject = message.getSubject() == null ? "" : Texts.clean(message.getSubject(), true);
        String title = subject == null || subject.length() < 5 ? "E-mail — " + target.store().name() : subject;
        title = title.length() > 200 ? title.substring(0, 200) : title;
        String messageKey = key(message, from, body);
        String token = IntakeTokens.newToken();
        String finalTitle = title;
        String finalBody = body;
        List<Pictures.Picture> pictures = pictures(message, core.tx().inTransaction(c -> limits.maxBytes(c,
            target.brand().id())));
        return core.tx().inTransaction(c -> {
            if (store.known(c, messageKey)) {
                return Result.DUPLICATE;
            }
            long id = store.add(c, target.brand().id(), target.store().code(), from, finalTitle, finalBody, messageKey,
                IntakeTokens.hash(token), clock.instant());
            for (Pictures.Picture p : pictures) {
                attachments.add(c, target.brand().id(), null, id, null, "email", p, clock.instant());
            }
            core.mail().queue(c, confirmation(id, target, from, finalTitle, token));
            LOG.info("Message {} to store {} of brand {} kept, waiting for its sender's confirmation", id,
                target.store().code(), target.brand().slug());
            return Result.KEPT;
        });
    }

    /** The message's Message-ID, or a digest of its sender, date and text; at most 250 characters. */
    private static String key(Message message, String from, String text) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        String key = ids != null && ids.length > 0 && !ids[0].isBlank() ? ids[0].strip()
            : IntakeTokens.hash(from + "\n" + message.getSentDate() + "\n" + text);
        return key.length() <= 250 ? key : IntakeTokens.hash(key);
    }

    /** The new text of a reply, cleaned, without the quoted message; the private thread's limit is the core's. */
    private static String reply(Message message) throws MessagingException, IOException {
        String text = Texts.clean(QuotedText.strip(text(message)), false);
        return text == null ? null : text.strip();
    }

    private static List<String> references(Message message) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                out.addAll(List.of(values));
            }
        }
        return out;
    }

    /**
     * The message's attached pictures, re-encoded, at most the configured count, each at most {@code maxBytes}; any
     * other attachment (a PDF, a document, a disguised file) is left out and logged, the message itself is kept.
     */
    private List<Pictures.Picture> pictures(Part part, int maxBytes) throws MessagingException, IOException {
        List<Pictures.Picture> out = new ArrayList<>();
        collect(part, maxBytes, out);
        return out;
    }

    private void collect(Part part, int maxBytes, List<Pictures.Picture> out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                collect(multi.getBodyPart(i), maxBytes, out);
            }
            return;
        }
        boolean file = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null
            || part.isMimeType("image/*");
        if (!file || part.isMimeType("message/*")) {
            return;
        }
        if (out.size() >= settings.attachmentMaxCount()) {
            LOG.info("Attachment of a message to a store left out: more than {}", settings.attachmentMaxCount());
            return;
        }
        byte[] bytes;
        try (java.io.InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            LOG.info("Attachment of a message to a store left out: larger than {} bytes", maxBytes);
            return;
        }
        String declared = part.getContentType() == null ? "" : part.getContentType().split(";", 2)[0].strip();
        try {
            out.add(limits.redraw(declared, bytes));
        } catch (org.entraide.api.problem.ProblemException refused) {
            LOG.info("Attachment of a message to a store left out: {}", refused.getMessage());
        }
    }

    private OutgoingMail confirmation(long id, Target target, String to, String title, String token) {
        String link = settings.publicBaseUrl() + "/b/" + target.brand().slug() + "/intake/" + token;
        String store = target.store().name();
        String text = "Bonjour,\n\nNous avons reçu votre message au magasin " + store + " : « " + title + " ».\n"
            + "Pour qu'il devienne une réclamation suivie par le magasin, confirmez que cette adresse est la vôtre :\n"
            + link + "\n\nSans confirmation, il ne sera pas traité. Ce lien vaut " + settings.intakeLinkLife().toDays()
            + " jours.\n\n---\n\nHello,\n\nWe received your message to the " + store + " store: \"" + title + "\".\n"
            + "To make it a complaint the store follows up, confirm that this address is yours:\n" + link
            + "\n\nWithout confirmation it will not be handled. This link is valid for " + settings.intakeLinkLife().toDays()
            + " days.\n";
        return new OutgoingMail(target.brand().id(), "channels-intake-" + id, to,
            "Confirmez votre message / Confirm your message — " + store, text, null, Map.of());
    }

    /** The first recipient that is a store's address on a brand's inbound domain. */
    private Target target(Message message) throws MessagingException {
        for (String address : recipients(message)) {
            Target t = storeOf(address);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The first recipient that is a complaint's relay address on a brand's inbound domain. */
    private RelayTarget relayTarget(Message message) throws MessagingException {
        for (String address : recipients(message)) {
            String lower = address.strip().toLowerCase(Locale.ROOT);
            int at = lower.indexOf('@');
            if (at < 1 || !RelayAddresses.isRelay(lower.substring(0, at))) {
                continue;
            }
            String local = lower.substring(0, at);
            String domain = lower.substring(at + 1);
            RelayTarget t = core.tx().inTransaction(c -> {
                Optional<Long> brandId = store.brandOfDomain(c, domain);
                if (brandId.isEmpty() || !core.features().isEnabled(brandId.get(), ChannelsCapability.NAME)) {
                    return null;
                }
                Brand brand = core.brands().byId(c, brandId.get()).orElse(null);
                return brand == null ? null : relays.byLocalPart(c, brand.id(), local)
                    .map(a -> new RelayTarget(brand, domain, a)).orElse(null);
            });
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static List<String> recipients(Message message) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (String header : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null) {
                            out.add(a.getAddress());
                        }
                    }
                } catch (AddressException e) {
                    // not an address: not ours
                }
            }
        }
        return out;
    }

    private Target storeOf(String address) {
        if (address == null || address.indexOf('@') < 1) {
            return null;
        }
        String lower = address.strip().toLowerCase(Locale.ROOT);
        String local = lower.substring(0, lower.indexOf('@'));
        String domain = lower.substring(lower.indexOf('@') + 1);
        return core.tx().inTransaction(c -> {
            Optional<Long> brandId = store.brandOfDomain(c, domain);
            if (brandId.isEmpty() || !core.features().isEnabled(brandId.get(), ChannelsCapability.NAME)) {
                return null;
            }
            Brand brand = core.brands().byId(c, brandId.get()).orElse(null);
            Store s = brand == null ? null : core.stores().all(c, brand.id()).stream()
                .filter(st -> st.code().equalsIgnoreCase(local)).findFirst().orElse(null);
            return s == null ? null : new Target(brand, s);
        });
    }

    /** The one sender's address, in lower case; null for none, several, or one that is no plain address. */
    private static String sender(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException malformed) {
            from = null;
        }
        String address = from != null && from.length == 1 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
        String lower = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        return lower.matches("[^@\\s]{1,64}@[^@\\s]{1,253}") ? lower : null;
    }

    /** The first text/plain part (attachments are not read), or the text of the first HTML part without its tags. */
    static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multi.getCount(); i++) {
                Part p = multi.getBodyPart(i);
                if (p.isMimeType("text/html") && html == null) {
                    html = String.valueOf(p.getContent());
                } else {
                    String t = text(p);
                    if (t != null) {
                        return t;
                    }
                }
            }
            return html == null ? null : html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("<[^>]+>", " ");
        }
        return null;
    }

    private static Result ignored(String why) {
        LOG.info("Message to a store ignored: {}", why);
        return Result.IGNORED;
    }
}
