package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.util.List;

import org.entraide.api.event.EventLog;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.reputation.PrivilegeGranted;
import org.entraide.api.reputation.ReputationChanged;
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
            events.append(c, brandId, null, ch.userId(), new ReputationChanged(ch.userId(), ch.delta(), ch.after(),
                ch.reasons(), sourceEventId, ch.postId()));
            for (Privilege p : thresholds.crossed(ch.before(), ch.after())) {
                events.append(c, brandId, null, ch.userId(), new PrivilegeGranted(ch.userId(), p.code(), thresholds.of(p),
                    ch.after()));
            }
        }
    }
}
