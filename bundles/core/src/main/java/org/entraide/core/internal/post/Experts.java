package org.entraide.core.internal.post;

import java.util.Collection;
import java.util.Set;

import org.entraide.api.badges.Expertise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic experts, as the badges plugin decides them, when it is installed: views mark the answers of the
 * question's topic experts. Without the plugin (or when it fails) nobody is marked; a view never fails for it.
 */
public final class Experts {
    private static final Logger LOG = LoggerFactory.getLogger(Experts.class);
    private volatile Expertise expertise;

    public void use(Expertise e) {
        this.expertise = e;
    }

    /** Forgets {@code e} if it is the one in use (a plugin leaving). */
    public void forget(Expertise e) {
        if (expertise == e) {
            expertise = null;
        }
    }

    Set<Long> among(long brandId, Long topicId, Collection<Long> authors) {
        Expertise e = expertise;
        if (e == null || topicId == null || authors.isEmpty()) {
            return Set.of();
        }
        try {
            return e.expertsOf(brandId, topicId, authors);
        } catch (RuntimeException failure) {
            LOG.warn("Topic experts unavailable: {}", failure.toString());
            return Set.of();
        }
    }
}
