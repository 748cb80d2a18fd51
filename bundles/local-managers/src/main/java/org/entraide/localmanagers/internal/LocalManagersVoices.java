package org.entraide.localmanagers.internal;

import java.util.Optional;

import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.security.Caller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The regions' managers as official responders of their stores' escalated complaints, while the plugin runs. */
@Component(service = OfficialResponders.class)
public class LocalManagersVoices implements OfficialResponders {
    @Reference
    private LocalManagersComponent main;

    @Override
    public String capability() {
        return main.plugin().voices.capability();
    }

    @Override
    public Optional<Voice> voiceOf(long brandId, long complaintId, Caller caller) {
        return main.plugin().voices.voiceOf(brandId, complaintId, caller);
    }
}
