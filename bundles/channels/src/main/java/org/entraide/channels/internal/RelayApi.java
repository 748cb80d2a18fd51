package org.entraide.channels.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Brand;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;

/**
 * {@code GET /brands/{brand}/complaints/{id}/relay}: a party of a complaint gets the masked address they write to to
 * reach the other party (made on first asking, for a complaint filed on the site as for one filed by e-mail). The
 * complainant gets the store's side; who handles the complaint for the store ({@link StoreSide}: the assigned manager,
 * once escalated the region's managers, once it reached the central team the brand's admins; the store's managers
 * without local managers) the customer's side; nobody else gets either (403).
 */
final class RelayApi {
    private final CoreServices core;
    private final IntakeStore intake;
    private final RelayStore relays;
    private final StoreSide storeSide;
    private final Duration afterClose;
    private final Clock clock;

    RelayApi(CoreServices core, IntakeStore intake, RelayStore relays, StoreSide storeSide, Duration afterClose, Clock clock) {
        this.core = core;
        this.storeSide = storeSide;
        this.intake = intake;
        this.relays = relays;
        this.afterClose = afterClose;
        this.clock = clock;
    }

    ApiResult address(ApiCall call) {
        Brand brand = call.brand();
        Caller caller = call.caller();
        long id = call.pathId("id");
        return ApiResult.ok(core.tx().inTransaction(c -> {
            ComplaintFacts facts = core.posts().complaints(c, brand.id(), List.of(id)).get(id);
            PostFacts post = core.posts().post(c, brand.id(), id).orElse(null);
            if (facts == null || post == null) {
                throw ProblemException.notFound("no such complaint");
            }
            boolean complainant = post.authorId() == caller.userId();
            if (!complainant && !storeSide.speaksForStore(c, brand.id(), id, caller.userId(),
                    facts.storeId() != null && caller.managesStore(facts.storeId()), caller.has(Role.BRAND_ADMIN))) {
                throw ProblemException.forbidden("only the complainant and who handles the complaint for the store (the "
                    + "central team once it reached it) write through the relay");
            }
            String domain = intake.domainOf(c, brand.id())
                .orElseThrow(() -> ProblemException.notFound("the brand has no inbound e-mail domain"));
            RelayStore.Relay relay = relays.ensure(c, brand.id(), id, clock.instant());
            Instant closed = relays.closedAt(c, brand.id(), id).orElse(null);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("complaintId", id);
            out.put("address", (complainant ? relay.storeLocal() : relay.customerLocal()) + "@" + domain);
            out.put("reaches", complainant ? "store" : "complainant");
            out.put("open", closed == null || !clock.instant().isAfter(closed.plus(afterClose)));
            if (closed != null) {
                out.put("until", closed.plus(afterClose).toString());
            }
            return out;
        }));
    }
}
