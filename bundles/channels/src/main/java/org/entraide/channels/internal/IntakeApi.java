package org.entraide.channels.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.mail.OutgoingMail;
import org.entraide.api.model.Brand;
import org.entraide.api.platform.Contributions;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/**
 * The sender of a message to a store confirms, by the link sent to them, that the address is theirs: the message is
 * filed as their complaint about that store (an account is made for a new address), once, however often the link is
 * opened. The token in the path is the only proof: no bearer token is needed.
 */
final class IntakeApi {
    private final CoreServices core;
    private final IntakeStore store;
    private final Attachments attachments;
    private final ChannelSettings settings;
    private final Clock clock;
    private final RelayStore relays;

    IntakeApi(CoreServices core, IntakeStore store, RelayStore relays, Attachments attachments, ChannelSettings settings,
              Clock clock) {
        this.core = core;
        this.attachments = attachments;
        this.store = store;
        this.relays = relays;
        this.settings = settings;
        this.clock = clock;
    }

    ApiResult confirm(ApiCall call) {
        Brand brand = call.brand();
        String token = call.path("token");
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            throw ProblemException.notFound("no such confirmation");
        }
        Instant now = clock.instant();
        return ApiResult.ok(core.tx().inTransaction(c -> {
            IntakeStore.Pending p = store.byToken(c, brand.id(), IntakeTokens.hash(token))
                .orElseThrow(() -> ProblemException.notFound("no such confirmation"));
            if (p.confirmedAt() == null) {
                if (p.receivedAt().plus(settings.intakeLinkLife()).isBefore(now)) {
                    throw ProblemException.notFound("this confirmation link has expired");
                }
                long member = core.contributions().memberFor(c, brand.id(), p.sender());
                Contributions.Outcome o = core.contributions().complain(c, brand.id(), member, p.storeCode(), p.title(), p.body());
                Long complaint = o.status() == Contributions.Status.REFUSED ? null : o.postId();
                store.confirmed(c, p.id(), member, complaint, o.status().name(), o.reason(), now);
                if (complaint != null) {
                    filed(c, brand, p, complaint, now);
                    attachments.filed(c, p.id(), complaint, member);
                }
                return view(p.storeCode(), complaint, o.status().name(), o.reason());
            }
            return view(p.storeCode(), p.complaintId(), p.outcome(), p.reason());
        }));
    }

    /**
     * The complaint gets its relay, and its author an e-mail saying it is filed, whose {@code Reply-To} is the store's
     * masked address: answering it writes to the store without either side seeing the other's address.
     */
    private void filed(java.sql.Connection c, Brand brand, IntakeStore.Pending p, long complaintId, Instant now) {
        String domain = store.domainOf(c, brand.id()).orElse(null);
        if (domain == null) {
            return;
        }
        RelayStore.Relay relay = relays.ensure(c, brand.id(), complaintId, now);
        String text = "Bonjour,\n\nVotre message au magasin est enregistré comme réclamation n° " + complaintId + " : « "
            + p.title() + " ».\nPour écrire au magasin, répondez à ce message : il passe par une adresse masquée, et le magasin "
            + "ne voit pas la vôtre ; ses réponses vous arrivent de la même façon. Le relais s'arrête "
            + settings.relayAfterClose().toDays() + " jours après la clôture de la réclamation.\n\n---\n\nHello,\n\n"
            + "Your message to the store is filed as complaint #" + complaintId + ": \"" + p.title() + "\".\n"
            + "To write to the store, reply to this e-mail: it goes through a masked address, and the store does not see "
            + "yours; its answers reach you the same way. The relay stops " + settings.relayAfterClose().toDays()
            + " days after the complaint is closed.\n";
        core.mail().queue(c, new OutgoingMail(brand.id(), "channels-filed-" + p.id(), p.sender(),
            "Réclamation enregistrée / Complaint filed — n° " + complaintId, text, null,
            Map.of("Reply-To", relay.storeLocal() + "@" + domain)));
    }

    private static Map<String, Object> view(String storeCode, Long complaintId, String status, String reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("storeCode", storeCode);
        out.put("status", status);
        if (complaintId != null) {
            out.put("complaintId", complaintId);
        }
        if (reason != null) {
            out.put("reason", reason);
        }
        return out;
    }
}
