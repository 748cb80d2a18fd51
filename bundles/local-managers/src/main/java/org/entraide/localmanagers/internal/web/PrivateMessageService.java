package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.model.Brand;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.text.Texts;
import org.entraide.localmanagers.internal.Platform;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A complaint's private messages sent on a member's behalf by another plugin (a reply by e-mail): the same checks
 * as {@code POST /brands/{brand}/complaints/{id}/messages} (the request body's cleaning and length limit, the two
 * parties only, the moderation rules) and the same writer.
 */
@Component(service = PrivateMessages.class)
public class PrivateMessageService implements PrivateMessages {
    /** As {@code Bodies.Message}. */
    static final int MAX_LENGTH = 2000;

    private final Brands brands;
    private final Members members;
    private final BrandFeatures features;
    private final PrivateMessageWriter writer;
    private volatile PrivateMessageRules rules;

    @Activate
    public PrivateMessageService(@Reference EventLog events, @Reference Posts posts, @Reference Members members,
                                 @Reference Stores stores, @Reference Brands brands, @Reference Complaints complaints,
                                 @Reference BrandFeatures features) {
        this(events, new Platform(posts, members, stores, brands, complaints), features, Clock.systemUTC());
    }

    public PrivateMessageService(EventLog events, Platform platform, BrandFeatures features, Clock clock) {
        this.brands = platform.brands();
        this.members = platform.members();
        this.features = features;
        this.writer = new PrivateMessageWriter(events, new Lookups(platform), clock);
    }

    /** The moderation plugin's rules, when it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void bindRules(PrivateMessageRules r) {
        this.rules = r;
    }

    public void unbindRules(PrivateMessageRules r) {
        if (this.rules == r) {
            this.rules = null;
        }
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
}
