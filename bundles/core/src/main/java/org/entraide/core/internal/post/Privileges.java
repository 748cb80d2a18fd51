package org.entraide.core.internal.post;

import java.util.OptionalInt;

import org.entraide.api.reputation.ReputationLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Privileges members earn with reputation, as the reputation plugin publishes them, when it is installed: the core
 * asks it for operations it opens to members above a threshold (closing a question as a duplicate). Without the
 * plugin, with reputation off for the brand, or when it fails, nobody holds one.
 */
public final class Privileges {
    private static final Logger LOG = LoggerFactory.getLogger(Privileges.class);
    private volatile ReputationLookup reputation;

    public void use(ReputationLookup r) {
        this.reputation = r;
    }

    /** Forgets {@code r} if it is the one in use (a plugin leaving). */
    public void forget(ReputationLookup r) {
        if (reputation == r) {
            reputation = null;
        }
    }

    /** Whether the member's reputation in the brand reaches the brand's threshold for {@code privilege}. */
    public boolean holds(long brandId, long userId, String privilege) {
        ReputationLookup r = reputation;
        if (r == null) {
            return false;
        }
        try {
            OptionalInt threshold = r.thresholdOf(brandId, privilege);
            if (threshold.isEmpty()) {
                return false;
            }
            OptionalInt points = r.reputationOf(brandId, userId);
            return points.isPresent() && points.getAsInt() >= threshold.getAsInt();
        } catch (RuntimeException failure) {
            LOG.warn("Reputation unavailable for privilege {}: {}", privilege, failure.toString());
            return false;
        }
    }
}
