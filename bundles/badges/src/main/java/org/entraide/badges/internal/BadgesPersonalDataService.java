package org.entraide.badges.internal;

import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the plugin holds about a member, exported and erased on request, while the plugin runs. */
@Component(service = PersonalData.class)
public class BadgesPersonalDataService implements PersonalData {
    @Reference
    private BadgesComponent main;

    @Override
    public String name() {
        return main.badges().personalData.name();
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return main.badges().personalData.export(brandId, userId);
    }

    @Override
    public void erase(long brandId, long userId) {
        main.badges().personalData.erase(brandId, userId);
    }
}
