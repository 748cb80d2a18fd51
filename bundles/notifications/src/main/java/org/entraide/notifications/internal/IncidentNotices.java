package org.entraide.notifications.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.incidents.IncidentEvents;
import org.entraide.api.incidents.IncidentItems;
import org.entraide.api.incidents.RiseDetected;
import org.entraide.api.incidents.StatementPublished;
import org.entraide.api.model.PostType;
import org.entraide.api.model.Role;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;

/**
 * The incidents' notifications. A statement or an update reaches every author of an attached question or complaint
 * and every follower of an attached question, once each (the notifications' unique key is recipient, event and kind),
 * whoever follows several of them. A rise the detection found reaches the brand admins and the region's managers.
 * Without the incidents plugin running, nothing is told.
 */
final class IncidentNotices {
    /** Brand admins alerted of one rise: the central team, never the whole membership. */
    private static final int STAFF = 200;

    private final NotificationStore store;
    private final FanOuts fanOuts;
    private final Platform platform;
    private final Supplier<IncidentItems> incidents;

    IncidentNotices(NotificationStore store, FanOuts fanOuts, Platform platform, Supplier<IncidentItems> incidents) {
        this.fanOuts = fanOuts;
        this.store = store;
        this.platform = platform;
        this.incidents = incidents;
    }

    void handle(Connection c, DomainEvent e, Instant now) {
        IncidentItems items = incidents.get();
        if (items == null) {
            return;
        }
        if (IncidentEvents.STATEMENT_PUBLISHED.equals(e.type())) {
            statement(c, e, platform.events().read(e, StatementPublished.class), items, now);
        } else if (IncidentEvents.RISE_DETECTED.equals(e.type())) {
            rise(c, e, platform.events().read(e, RiseDetected.class), now);
        }
    }

    private void statement(Connection c, DomainEvent e, StatementPublished s, IncidentItems items, Instant now) {
        String title = items.title(c, e.brandId(), s.incidentId()).orElse(null);
        if (title == null) {
            return;
        }
        Kind kind = s.update() ? Kind.INCIDENT_UPDATE : Kind.INCIDENT_STATEMENT;
        Draft d = new Draft(e.brandId(), kind, e.id(), "incident", s.incidentId(), link(s.incidentId()), Map.of("title", title), now);
        Set<Long> authors = new LinkedHashSet<>();
        List<Target> threads = new ArrayList<>();
        for (long postId : items.attachedPosts(c, e.brandId(), s.incidentId())) {
            PostFacts post = platform.posts().post(c, e.brandId(), postId).orElse(null);
            if (post == null || !post.isPublished()) {
                continue;
            }
            authors.add(post.authorId());
            if (post.type() == PostType.QUESTION) {
                threads.add(Target.question(post.id()));
            }
        }
        Set<Long> excluded = e.actorId() == null ? Set.of() : Set.of(e.actorId());
        // followers first (a replay writes nothing); then each author, skipped if a follower already has it
        fanOuts.start(c, d, threads, List.of("watching", "tracking"), store.brandDefault(c, e.brandId(), kind), excluded,
            e.occurredAt());
        for (long author : authors) {
            if (!excluded.contains(author) && platform.members().member(c, e.brandId(), author).isPresent()) {
                store.notifyOne(c, d, author, store.channel(c, e.brandId(), author, kind));
            }
        }
    }

    private void rise(Connection c, DomainEvent e, RiseDetected r, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("count", r.count());
        params.put("scope", r.scope());
        Draft d = new Draft(e.brandId(), Kind.INCIDENT_RISE, e.id(), "incident", r.proposalId(),
            "/b/" + Draft.BRAND + "/admin/incidents", params, now);
        Set<Long> recipients = new LinkedHashSet<>(r.managerIds());
        platform.members().withRole(c, e.brandId(), Role.BRAND_ADMIN, STAFF).stream().map(MemberFacts::id).forEach(recipients::add);
        for (long member : recipients) {
            if (platform.members().member(c, e.brandId(), member).isPresent()) {
                store.notifyOne(c, d, member, store.channel(c, e.brandId(), member, Kind.INCIDENT_RISE));
            }
        }
    }

    private static String link(long incidentId) {
        return "/b/" + Draft.BRAND + "/incidents/" + incidentId;
    }
}
