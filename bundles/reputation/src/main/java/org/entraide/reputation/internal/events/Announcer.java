package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.NewEvent;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.reputation.ReputationEvents;
import org.entraide.reputation.internal.ledger.Posting;
import org.entraide.reputation.internal.rules.Privilege;
import org.entraide.reputation.internal.rules.Thresholds;

/**
 * Appends {@code reputation.changed} and {@code privilege.granted} to the outbox in the caller's transaction,
 * so that they exist exactly when the ledger entries do. Brands that did not enable reputation hear nothing:
 * their ledger is kept up to date in silence, ready for the day they enable it.
 */
public final class Announcer {
    private final EventLog events;
    private final BrandFeatures features;

    public Announcer(EventLog events, BrandFeatures features) {
        this.events = events;
        this.features = features;
    }

    public void announce(Connection c, long brandId, Long sourceEventId, List<Posting.Change> changes, Thresholds thresholds) {
        if (changes.isEmpty() || !features.isEnabled(brandId, ReputationEvents.CAPABILITY)) {
            return;
        }
        for (Posting.Change ch : changes) {
            if (ch.delta() == 0) {
                continue;
            }
            Map<String, Object> payload = new HashMap<>();
            payload.put("userId", ch.userId());
            payload.put("change", ch.delta());
            payload.put("reputation", ch.after());
            payload.put("reasons", ch.reasons());
            if (sourceEventId != null) {
                payload.put("sourceEventId", sourceEventId);
            }
            if (ch.postId() != null) {
                payload.put("postId", ch.postId());
            }
            events.append(c, NewEvent.of(brandId, ReputationEvents.REPUTATION_CHANGED, null, EventTypes.SUBJECT_USER,
                ch.userId(), payload));
            for (Privilege p : thresholds.crossed(ch.before(), ch.after())) {
                events.append(c, NewEvent.of(brandId, ReputationEvents.PRIVILEGE_GRANTED, null, EventTypes.SUBJECT_USER,
                    ch.userId(), Map.of("userId", ch.userId(), "privilege", p.code(), "threshold", thresholds.of(p),
                        "reputation", ch.after())));
            }
        }
    }
}
