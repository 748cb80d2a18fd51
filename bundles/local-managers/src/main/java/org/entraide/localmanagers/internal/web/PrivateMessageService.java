package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.model.Brand;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.Members;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.text.Texts;
import org.entraide.localmanagers.internal.Platform;

/**
 * A complaint's private messages sent on a member's behalf by another plugin (a reply by e-mail): the same checks
 * as {@code POST /brands/{brand}/complaints/{id}/messages} (the request body's cleaning and length limit, the two
 * parties only, the moderation rules) and the same writer; besides, a manager of the region the complaint was escalated
 * to writes on the store's side (they answer it by e-mail, through the contact relay). One of the plugin's services; Karaf exposes it through
 * {@code LocalManagersMessages}.
 */
public class PrivateMessageService implements PrivateMessages {
    /** As {@code Bodies.Message}. */
    static final int MAX_LENGTH = 2000;

    private final Brands brands;
    private final Members members;
    private final BrandFeatures features;
    private final PrivateMessageWriter writer;
    private final Lookups lookups;
    private final Clock clock;
    private volatile PrivateMessageRules rules;

    public PrivateMessageService(EventLog events, Platform platform, BrandFeatures features, Clock clock) {
        this.brands = platform.brands();
        this.members = platform.members();
        this.features = features;
        this.lookups = new Lookups(platform);
        this.writer = new PrivateMessageWriter(events, lookups, clock);
        this.clock = clock;
    }

    /** The moderation plugin's rules, when it is installed (null when it goes). */
    public void useRules(PrivateMessageRules r) {
        this.rules = r;
    }

    @Override
    public long send(Connection c, long brandId, long complaintId, long authorId, String text) {
        if (!features.isEnabled(brandId, LocalManagerEvents.CAPABILITY)) {
            throw ProblemException.notFound("local managers are not enabled for brand " + brandId);
        }
        String body = Texts.clean(text, false);
        if (body == null || body.isEmpty()) {
            throw ProblemException.invalid("body", "must not be blank");
        }
        if (body.length() > MAX_LENGTH) {
            throw ProblemException.invalid("body", "size must be between 0 and " + MAX_LENGTH);
        }
        Brand brand = brands.byId(c, brandId).orElseThrow(() -> ProblemException.notFound("no brand " + brandId));
        MemberFacts m = members.member(c, brandId, authorId)
            .orElseThrow(() -> ProblemException.notFound("no member " + authorId));
        Caller author = new Caller(m.id(), brandId, brand.slug(), m.pseudonym(), m.roles(), m.managedStoreIds());
        return writer.write(c, brandId, complaintId, author, body, rules);
    }

    @Override
    public void hide(Connection c, long brandId, long messageId) {
        MessageReports.hide(c, lookups, brandId, messageId, clock.instant());
    }
}
