package org.entraide.incidents.internal;

import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the plugin holds about a member, exported and erased on request, while the plugin runs. */
@Component(service = PersonalData.class)
public class IncidentsPersonalDataService implements PersonalData {
    @Reference
    private IncidentsComponent main;

    @Override
    public String name() {
        return main.incidents().personalData.name();
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return main.incidents().personalData.export(brandId, userId);
    }

    @Override
    public void erase(long brandId, long userId) {
        main.incidents().personalData.erase(brandId, userId);
    }
}
