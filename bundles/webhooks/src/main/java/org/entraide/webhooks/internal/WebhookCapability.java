package org.entraide.webhooks.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;

/** The "webhooks" capability a brand enables to push its community events into its own systems. */
@Component(service = Capability.class)
public class WebhookCapability implements Capability {
    public static final String NAME = "webhooks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Posts selected community events to the brand's URLs, signed with HMAC-SHA256";
    }
}
