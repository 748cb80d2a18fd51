package org.entraide.incidents.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.localmanagers.Regions;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventReader;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.PostPublished;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.PostText;
import org.entraide.api.platform.Posts;
import org.entraide.api.storage.Transactions;
import org.entraide.incidents.internal.detect.SimilarTexts;
import org.entraide.incidents.internal.store.HourlyCounts;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.IncidentStore;

/**
 * The subscriber's work, in the dispatcher's transaction: each published question or complaint is counted in its
 * hour (per store, region, topic and words of its title, for the detection) and attached to the first open incident whose period, stores
 * and theme it matches. A complaint's {@code post.published} is the one event for both: {@code complaint.published}
 * follows it in the same transaction and adds nothing the counts need.
 */
public final class EventApplier {
    static final Set<String> TYPES = Set.of(EventTypes.POST_PUBLISHED);

    private final Transactions tx;
    private final EventReader reader;
    private final Posts posts;
    private final IncidentStore incidents;
    private final HourlyCounts counts;
    private final Attachments attachments;
    private volatile Regions regions = NoRegions.INSTANCE;

    public EventApplier(Transactions tx, EventReader reader, Posts posts, IncidentStore incidents, HourlyCounts counts,
                        Attachments attachments) {
        this.tx = tx;
        this.reader = reader;
        this.posts = posts;
        this.incidents = incidents;
        this.counts = counts;
        this.attachments = attachments;
    }

    public void useRegions(Regions regions) {
        this.regions = regions == null ? NoRegions.INSTANCE : regions;
    }

    public void apply(DomainEvent event) {
        if (!EventTypes.POST_PUBLISHED.equals(event.type())) {
            return;
        }
        PostPublished published = reader.read(event, PostPublished.class);
        tx.inTransaction(c -> {
            Optional<PostFacts> post = posts.post(c, event.brandId(), published.postId());
            if (post.isEmpty() || !Attachments.attachable(post.get())) {
                return null;
            }
            String region = post.get().storeId() == null ? null
                : regions.regionOf(c, event.brandId(), post.get().storeId()).orElse(null);
            counts.count(c, event.brandId(), post.get().id(), event.occurredAt().truncatedTo(ChronoUnit.HOURS),
                scopes(post.get(), region));
            attach(c, event.brandId(), post.get(), region, event.occurredAt());
            return null;
        });
    }

    /** The scopes a post counts in: its store, the store's region, its topic, the groups of its title's words. */
    static List<String> scopes(PostFacts post, String region) {
        List<String> out = new ArrayList<>();
        if (post.storeId() != null) {
            out.add("store:" + post.storeId());
        }
        if (region != null) {
            out.add("region:" + region);
        }
        if (post.topicId() != null) {
            out.add("topic:" + post.topicId());
        }
        for (String words : SimilarTexts.scopes(post.title())) {
            if (String.join(" ", out).length() + 1 + words.length() <= HourlyCounts.SCOPES_LENGTH) {
                out.add(words);
            }
        }
        return out;
    }

    private void attach(Connection c, long brandId, PostFacts post, String region, Instant at) {
        List<Incident> open = incidents.open(c, brandId);
        if (open.isEmpty()) {
            return;
        }
        PostText text = posts.text(c, brandId, post.id()).orElse(null);
        String words = text == null ? post.title() : (text.title() == null ? "" : text.title()) + " " + text.body();
        for (Incident incident : open) {
            if (incident.covers(at) && incident.affects(post.storeId(), region) && new Theme(incident.theme()).matches(words)) {
                attachments.attach(c, incident, post, true, null);
                return;
            }
        }
    }
}
