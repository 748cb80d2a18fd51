package org.entraide.moderation.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's capability, listed while the plugin runs. */
@Component(service = Capability.class)
public class ModerationCapabilityService implements Capability {
    @Reference
    private ModerationComponent main;

    @Override
    public String name() {
        return main.moderation().capability.name();
    }

    @Override
    public String description() {
        return main.moderation().capability.description();
    }
}
