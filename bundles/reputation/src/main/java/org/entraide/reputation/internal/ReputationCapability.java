package org.entraide.reputation.internal;

import org.entraide.api.plugin.Capability;
import org.entraide.api.reputation.ReputationEvents;

/** The switch brand admins turn on: points, privileges and leaderboards for their community. */
public final class ReputationCapability implements Capability {
    @Override
    public String name() {
        return ReputationEvents.CAPABILITY;
    }

    @Override
    public String description() {
        return "Reputation points for helpful members, privileges earned with them, and leaderboards";
    }
}
