package org.entraide.badges.internal;

import java.util.Collection;
import java.util.Set;

import org.entraide.api.badges.Expertise;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Topic experts by their badges, for the core's answers and moderation, while the plugin runs. */
@Component(service = Expertise.class)
public class BadgesExpertiseService implements Expertise {
    @Reference
    private BadgesComponent main;

    @Override
    public boolean isTopicExpert(long brandId, long userId, long topicId) {
        return main.badges().expertise.isTopicExpert(brandId, userId, topicId);
    }

    @Override
    public Set<Long> expertsOf(long brandId, long topicId, Collection<Long> userIds) {
        return main.badges().expertise.expertsOf(brandId, topicId, userIds);
    }
}
