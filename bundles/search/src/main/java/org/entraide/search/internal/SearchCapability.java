package org.entraide.search.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;

/** The "search" capability a brand enables for full-text search and similar-question suggestions. */
@Component(service = Capability.class)
public class SearchCapability implements Capability {
    public static final String NAME = "search";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Full-text search of questions, answers and public complaints in French and English, and similar "
            + "questions proposed while asking";
    }
}
