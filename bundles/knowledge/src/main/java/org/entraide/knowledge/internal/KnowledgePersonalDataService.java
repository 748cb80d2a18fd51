package org.entraide.knowledge.internal;

import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the plugin holds about a member, exported and erased on request, while the plugin runs. */
@Component(service = PersonalData.class)
public class KnowledgePersonalDataService implements PersonalData {
    @Reference
    private KnowledgeComponent main;

    @Override
    public String name() {
        return main.plugin().personalData.name();
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return main.plugin().personalData.export(brandId, userId);
    }

    @Override
    public void erase(long brandId, long userId) {
        main.plugin().personalData.erase(brandId, userId);
    }
}
