package org.entraide.reputation.internal;

import java.util.OptionalInt;

import org.entraide.api.reputation.ReputationEvents;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.reputation.internal.rules.Privilege;

/** Members' reputation and privilege thresholds for other plugins (moderation); nothing for brands with reputation off. */
final class ReputationReader implements ReputationLookup {
    private final Reputation reputation;

    ReputationReader(Reputation reputation) {
        this.reputation = reputation;
    }

    @Override
    public OptionalInt reputationOf(long brandId, long userId) {
        if (!reputation.platform.features().isEnabled(brandId, ReputationEvents.CAPABILITY)) {
            return OptionalInt.empty();
        }
        return reputation.platform.tx().inTransaction(c -> reputation.members.find(c, userId)
            .filter(m -> m.brandId() == brandId).map(m -> OptionalInt.of(m.points())).orElse(OptionalInt.of(1)));
    }

    @Override
    public OptionalInt thresholdOf(long brandId, String privilege) {
        if (!reputation.platform.features().isEnabled(brandId, ReputationEvents.CAPABILITY)) {
            return OptionalInt.empty();
        }
        return Privilege.byCode(privilege).map(p -> OptionalInt.of(reputation.platform.tx().inTransaction(c ->
            reputation.rules.thresholds(c, brandId).of(p)))).orElse(OptionalInt.empty());
    }
}
