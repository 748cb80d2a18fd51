package org.entraide.core.internal.rest;

import java.time.Clock;
import java.time.Duration;


import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.privacy.Erasure;
import org.entraide.core.internal.privacy.Exports;
import org.entraide.core.internal.privacy.PrivacyPolicies;
import org.entraide.core.internal.privacy.Retention;
import org.entraide.core.internal.rest.openapi.Doc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Privacy: a member's exports and the closing of their account, the brand's privacy policy (notice, terms, retention),
 * and the timers that build exports and enforce retention. Closing asks for the current password and is limited like a
 * password change ({@code ratelimit.password.change}).
 */
public final class PrivacyRoutes extends ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRoutes.class);
    private static final String PASSWORD = "password.change";

    private final Exports exports;
    private final Erasure erasure;
    private final PrivacyPolicies policies;
    private final Retention retention;
    private final Database db;
    private final RateLimits limits;
    private final Clock clock;
    private final Duration poll;

    public PrivacyRoutes(ApiDispatcher dispatcher, Exports exports, Erasure erasure, PrivacyPolicies policies,
                         Retention retention, Database db, RateLimits limits, Clock clock, Duration poll) {
        super(dispatcher);
        this.exports = exports;
        this.erasure = erasure;
        this.policies = policies;
        this.retention = retention;
        this.db = db;
        this.limits = limits;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public void configure() {
        from("timer:entraide.privacy.exports?delay=1000&period=" + poll.toMillis()).routeId("privacy.exports.job")
            .process(e -> quietly("exports", () -> exports.runDue(10) + exports.expire()));
        from("timer:entraide.privacy.retention?delay=60000&period=3600000").routeId("privacy.retention.job")
            .process(e -> quietly("retention", retention::run));

        post("/brands/{brand}/me/export", "privacy.export", Doc.of("Ask for a copy of everything Entraide holds about the "
                + "caller in this brand: made in the background, e-mailed when ready, downloadable for 48 hours")
                .accepted(Exports.Export.class).bearer().errors(409, 429), r -> ApiReply.accepted(exports.request(r.caller(), r.brand())));
        get("/brands/{brand}/me/exports", "privacy.exports", Doc.of("The caller's exports, newest first, with the link "
                + "of each archive while it can be downloaded").itemsOf(Exports.Export.class).bearer(),
            r -> ApiReply.ok(new Items<>(exports.list(r.caller(), r.brand()))));
        get("/brands/{brand}/me/exports/{id}/archive", "privacy.exports.archive", Doc.of("The archive of one of the "
                + "caller's exports, as JSON: to its owner only, for 48 hours after it was made")
                .returns(com.fasterxml.jackson.databind.node.ObjectNode.class).bearer().errors(404, 409, 410),
            r -> ApiReply.ok(exports.archive(r.caller(), r.brand(), r.pathId("id"))));
        delete("/brands/{brand}/me", "privacy.erase", Doc.of("Close one's account for good, giving the current password: "
                + "e-mail, profile, sessions and private data are erased; public posts stay under \"former member\" or "
                + "go, as the brand's privacy policy says").body(Requests.AccountClosing.class).noContent().bearer().errors(429),
            r -> {
                Caller caller = r.caller();
                Brand brand = r.brand();
                Requests.AccountClosing body = r.body(Requests.AccountClosing.class);
                String key = "user/" + caller.userId();
                limits.requireAllowed(PASSWORD, key);
                try {
                    erasure.erase(caller, brand, body.currentPassword());
                } catch (ProblemException e) {
                    if (!e.errors().isEmpty() && "currentPassword".equals(e.errors().get(0).field())) {
                        limits.record(PASSWORD, key);
                    }
                    throw e;
                }
                return ApiReply.noContent();
            });
        get("/brands/{brand}/privacy-policy", "privacy.policy", Doc.of("The brand's privacy notice and terms (URL and "
                + "version), what becomes of a closed account's posts, retention periods in days")
                .returns(PrivacyPolicies.Policy.class), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(db.inTransaction(c -> policies.of(c, brand.id())));
        });
        put("/brands/{brand}/privacy-policy", "privacy.policy.set", Doc.of("Set the brand's privacy notice and terms (a "
                + "new terms version is asked at registration from then on), what becomes of a closed account's public posts "
                + "(KEEP or REMOVE), and retention periods").body(Requests.PrivacyPolicy.class)
                .returns(PrivacyPolicies.Policy.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            Caller caller = r.caller();
            if (caller.brandId() != brand.id() || !caller.has(Role.BRAND_ADMIN)) {
                throw ProblemException.forbidden("only the brand's admins choose this");
            }
            Requests.PrivacyPolicy b = r.body(Requests.PrivacyPolicy.class);
            if ((b.noticeUrl() == null) != (b.noticeVersion() == null)) {
                throw ProblemException.invalid("noticeVersion", "a notice has a URL and a version, or neither");
            }
            if ((b.termsUrl() == null) != (b.termsVersion() == null)) {
                throw ProblemException.invalid("termsVersion", "terms have a URL and a version, or neither");
            }
            PrivacyPolicies.Policy p = new PrivacyPolicies.Policy(b.noticeUrl(), b.noticeVersion(), b.termsUrl(),
                b.termsVersion(), PrivacyPolicies.ErasedPosts.valueOf(b.erasedPosts()), b.threadDays(), b.logDays());
            db.inTransaction(c -> {
                policies.set(c, brand.id(), p, clock.instant());
                return null;
            });
            return ApiReply.ok(p);
        });
    }

    private static void quietly(String what, java.util.function.IntSupplier work) {
        try {
            int n = work.getAsInt();
            if (n > 0) {
                LOG.debug("Privacy {}: {} rows", what, n);
            }
        } catch (RuntimeException e) {
            // the database is unreachable or going away: the next tick tries again
            LOG.warn("Privacy {} paused: {}", what, e.getMessage());
        }
    }
}
