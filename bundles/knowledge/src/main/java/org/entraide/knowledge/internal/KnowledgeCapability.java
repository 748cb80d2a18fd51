package org.entraide.knowledge.internal;

import org.entraide.api.knowledge.KnowledgeEvents;
import org.entraide.api.plugin.Capability;

/** The "knowledge" capability a brand enables for its knowledge base. */
public final class KnowledgeCapability implements Capability {
    @Override
    public String name() {
        return KnowledgeEvents.CAPABILITY;
    }

    @Override
    public String description() {
        return "A brand-verified knowledge base: articles written by staff or promoted from accepted answers and "
            + "official responses, reviewed on schedule and rated by readers";
    }
}
