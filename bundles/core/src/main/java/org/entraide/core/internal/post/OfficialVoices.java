package org.entraide.core.internal.post;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.plugin.OfficialResponders.Voice;
import org.entraide.api.security.Caller;

/**
 * The plugins that let more people than the core's rule answer complaints officially (the local-managers plugin:
 * regional managers, the central team), each for the brands that enabled its capability. Without any, the core's
 * rule stands alone. Unlike {@link Experts}, a failing plugin is not ignored: it fails the response (500) rather
 * than letting it through or refusing it without a reason.
 */
public final class OfficialVoices {
    private final List<OfficialResponders> responders = new CopyOnWriteArrayList<>();
    private final BrandFeatures features;

    public OfficialVoices(BrandFeatures features) {
        this.features = features;
    }

    public void add(OfficialResponders r) {
        responders.add(r);
    }

    /** Removes {@code r} (a plugin leaving). */
    public void remove(OfficialResponders r) {
        responders.remove(r);
    }

    /** The first voice a plugin grants the caller for this complaint, in the order they were bound. */
    Optional<Voice> of(long brandId, long complaintId, Caller caller) {
        for (OfficialResponders r : responders) {
            if (r.capability() == null || features.isEnabled(brandId, r.capability())) {
                Optional<Voice> voice = r.voiceOf(brandId, complaintId, caller);
                if (voice.isPresent()) {
                    return voice;
                }
            }
        }
        return Optional.empty();
    }
}
