package org.entraide.channels.internal;

import org.entraide.api.channels.ChannelEvents;
import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;

/** The "channels" capability a brand enables so that customers reach its stores from the store, its site and e-mail. */
@Component(service = Capability.class)
public class ChannelsCapability implements Capability {
    public static final String NAME = ChannelEvents.CAPABILITY;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "QR codes and posters in stores, thanks to a store's team, the widget on the brand's own site";
    }
}
