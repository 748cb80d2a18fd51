package org.entraide.notifications.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;

/** The "notifications" capability a brand enables so that its members hear of what concerns them. */
@Component(service = Capability.class)
public class NotificationCapability implements Capability {
    public static final String NAME = "notifications";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Tells members, complainants and managers what concerns them, in the product and by e-mail";
    }
}
