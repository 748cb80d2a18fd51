package org.entraide.reputation.internal;

import java.util.OptionalInt;

import org.entraide.api.reputation.ReputationLookup;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Members' reputation and the brands' privilege thresholds, for other plugins, while the plugin runs. */
@Component(service = ReputationLookup.class)
public class ReputationLookupService implements ReputationLookup {
    @Reference
    private ReputationComponent main;

    @Override
    public OptionalInt reputationOf(long brandId, long userId) {
        return main.reputation().lookup.reputationOf(brandId, userId);
    }

    @Override
    public OptionalInt thresholdOf(long brandId, String privilege) {
        return main.reputation().lookup.thresholdOf(brandId, privilege);
    }
}
