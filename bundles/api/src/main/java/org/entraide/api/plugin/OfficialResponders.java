package org.entraide.api.plugin;

import java.util.Objects;
import java.util.Optional;

import org.entraide.api.security.Caller;

/**
 * Who else may answer a complaint officially, and in whose name. The core lets the complaint's store managers and
 * the brand's admins answer; a plugin that knows more of the brand's organisation (the local-managers plugin: the
 * region's managers, the central team, once a complaint was escalated to them) registers this as an OSGi service.
 * The core asks it only for callers it does not allow itself, and only for brands that enabled
 * {@link #capability()}; without any, the core's rule stands alone.
 *
 * <p>Called on the request thread, inside the write transaction of the response: work done through
 * {@code Transactions} joins it, so the answer reads the same state the response commits with. It must not write.
 */
public interface OfficialResponders {
    /** The capability that must be enabled for the brand; null asks for every brand. */
    String capability();

    /**
     * The voice in which {@code caller} may answer the complaint officially now, or empty when this plugin does not
     * let them (the core then answers 403).
     */
    Optional<Voice> voiceOf(long brandId, long complaintId, Caller caller);

    /**
     * Who speaks. {@code key} (such as {@code "region"}) goes into the payload of the {@code complaint.responded}
     * event as {@code voice}; the labels introduce the response in every view, in French and English
     * ("Réponse officielle — région Sud-Est", "Official response — Sud-Est region"), and are stored with it.
     */
    record Voice(String key, String labelFr, String labelEn) {
        public Voice {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(labelFr, "labelFr");
            Objects.requireNonNull(labelEn, "labelEn");
            if (key.isBlank() || key.length() > 30 || labelFr.length() > 200 || labelEn.length() > 200) {
                throw new IllegalArgumentException("a key of 1 to 30 characters, labels of at most 200");
            }
        }
    }
}
