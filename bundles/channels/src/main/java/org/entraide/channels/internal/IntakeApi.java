package org.entraide.channels.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    IntakeApi(CoreServices core, IntakeStore store, Attachments attachments, ChannelSettings settings, Clock clock) {
        this.core = core;
        this.attachments = attachments;
        this.store = store;
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
                    attachments.filed(c, p.id(), complaint, member);
                }
                return view(p.storeCode(), complaint, o.status().name(), o.reason());
            }
            return view(p.storeCode(), p.complaintId(), p.outcome(), p.reason());
        }));
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
