package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.Brand;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.Role;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact relay: a message to one of a complaint's masked addresses, from the party that may write there, goes
 * into the complaint's private thread and is forwarded to the other party, from the platform's address with the
 * other masked address as {@code Reply-To}. Nothing of the original message is carried but its new text: neither its
 * headers (From, Reply-To, Sender, Return-Path, Received...) nor its attachments. A message from anyone else, or after
 * the complaint was closed plus {@code relay.days.after.close}, is refused: logged and kept as refused, sent to nobody,
 * answered to nobody (a bounce would tell a stranger that the address exists).
 */
final class ContactRelay {
    private static final Logger LOG = LoggerFactory.getLogger(ContactRelay.class);
    static final String KIND = "RELAY";

    private final CoreServices core;
    private final RelayStore store;
    private final PrivateThread thread;
    private final StoreSide storeSide;
    private final Duration afterClose;
    private final Clock clock;

    ContactRelay(CoreServices core, RelayStore store, PrivateThread thread, StoreSide storeSide, Duration afterClose, Clock clock) {
        this.core = core;
        this.storeSide = storeSide;
        this.store = store;
        this.thread = thread;
        this.afterClose = afterClose;
        this.clock = clock;
    }

    /** Who writes, who reads, and the address the reader answers to. */
    private record Route(long authorId, List<MemberFacts> readers, String replyTo, String title, String refusal) {
        static Route refused(String why) {
            return new Route(0, List.of(), null, null, why);
        }
    }

    EmailIntake.Result handle(Brand brand, String domain, RelayStore.Addressed to, String from, String key, String text) {
        long complaintId = to.relay().complaintId();
        Route route = core.tx().inTransaction(c -> route(c, brand, domain, to, from));
        if (route.refusal() != null) {
            LOG.info("Message through the relay of complaint {} of brand {} refused: {}", complaintId, brand.slug(),
                route.refusal());
            thread.refused(brand.id(), complaintId, key, KIND, route.refusal());
            return EmailIntake.Result.REFUSED;
        }
        if (text == null || text.isBlank()) {
            thread.refused(brand.id(), complaintId, key, KIND, "no text");
            return EmailIntake.Result.REFUSED;
        }
        PrivateThread.Outcome o = thread.post(brand.id(), complaintId, route.authorId(), key, KIND, text, (c, id) -> {
            for (MemberFacts reader : route.readers()) {
                if (reader.email() == null) {
                    continue;
                }
                core.mail().queue(c, forward(brand, complaintId, route, to.side(), reader, id, text));
            }
        });
        LOG.info("Message through the relay of complaint {} of brand {}: {}", complaintId, brand.slug(), o);
        return switch (o) {
            case SENT -> EmailIntake.Result.RELAYED;
            case DUPLICATE -> EmailIntake.Result.DUPLICATE;
            case REFUSED -> EmailIntake.Result.REFUSED;
        };
    }

    private Route route(Connection c, Brand brand, String domain, RelayStore.Addressed to, String from) {
        long complaintId = to.relay().complaintId();
        ComplaintFacts facts = core.posts().complaints(c, brand.id(), List.of(complaintId)).get(complaintId);
        PostFacts post = core.posts().post(c, brand.id(), complaintId).orElse(null);
        if (facts == null || post == null) {
            return Route.refused("the complaint is gone");
        }
        Instant closed = closedAt(c, brand.id(), facts);
        if (closed != null && clock.instant().isAfter(closed.plus(afterClose))) {
            return Route.refused("the relay stopped: the complaint was closed on " + closed);
        }
        MemberFacts complainant = core.members().member(c, brand.id(), post.authorId()).orElse(null);
        if (complainant == null || complainant.email() == null) {
            return Route.refused("the complainant has left");
        }
        if (to.side() == RelayStore.Side.TO_STORE) {
            if (!complainant.email().strip().equalsIgnoreCase(from)) {
                return Route.refused("the sender is not the complainant");
            }
            List<MemberFacts> managers = storeSide.recipients(c, brand.id(), complaintId, facts.storeId());
            return new Route(complainant.id(), managers, to.relay().customerLocal() + "@" + domain, facts.title(), null);
        }
        MemberFacts manager = core.members().byEmail(c, brand.id(), from).orElse(null);
        if (manager == null || !storeSide.speaksForStore(c, brand.id(), complaintId, manager.id(),
                facts.storeId() != null && manager.managedStoreIds().contains(facts.storeId()),
                manager.roles().contains(Role.BRAND_ADMIN))) {
            return Route.refused("the sender does not handle the complaint for the store");
        }
        return new Route(manager.id(), List.of(complainant), to.relay().storeLocal() + "@" + domain, facts.title(), null);
    }

    /**
     * When the complaint was closed: from the events, or, for a complaint the events did not tell of (closed before the
     * plugin was installed), the first time the relay sees it evaluated.
     */
    private Instant closedAt(Connection c, long brandId, ComplaintFacts facts) {
        Instant known = store.closedAt(c, brandId, facts.id()).orElse(null);
        if (known == null && (facts.status() == ComplaintStatus.RESOLVED || facts.status() == ComplaintStatus.UNRESOLVED)) {
            known = clock.instant();
            store.closed(c, brandId, facts.id(), known);
        }
        return known;
    }

    private static OutgoingMail forward(Brand brand, long complaintId, Route route, RelayStore.Side side, MemberFacts reader,
                                        long mailInId, String text) {
        boolean toStore = side == RelayStore.Side.TO_STORE;
        String title = route.title() == null ? "" : route.title();
        List<String> lines = new ArrayList<>();
        lines.add(toStore
            ? "Message du client au sujet de la réclamation n° " + complaintId + " « " + title + " », par le relais de contact."
            : "Message du magasin au sujet de votre réclamation n° " + complaintId + " « " + title + " », par le relais de contact.");
        lines.add(toStore
            ? "Message from the customer about complaint #" + complaintId + " \"" + title + "\", through the contact relay."
            : "Message from the store about your complaint #" + complaintId + " \"" + title + "\", through the contact relay.");
        lines.add("");
        lines.add(text);
        lines.add("");
        lines.add("---");
        lines.add("Répondez à ce message pour écrire " + (toStore ? "au client" : "au magasin")
            + " : vos adresses restent masquées de part et d'autre. Une signature ou un numéro écrit dans le message est transmis tel quel.");
        lines.add("Reply to this e-mail to write to " + (toStore ? "the customer" : "the store")
            + ": both addresses stay masked. A signature or a number written in the message is passed on as written.");
        String subject = "Réclamation n° " + complaintId + " / Complaint #" + complaintId + " — " + title;
        return new OutgoingMail(brand.id(), "channels-relay-" + mailInId + "-" + reader.id(), reader.email(),
            subject.length() > 250 ? subject.substring(0, 250) : subject, String.join("\n", lines), null,
            Map.of("Reply-To", route.replyTo()));
    }
}
