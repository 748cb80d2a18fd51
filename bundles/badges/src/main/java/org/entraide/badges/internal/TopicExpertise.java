package org.entraide.badges.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.badges.Expertise;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.storage.Transactions;
import org.entraide.badges.internal.store.Awards;

/** Experts of a topic: holders, in that topic, of a badge marked {@code expert}, in brands with badges on. */
public final class TopicExpertise implements Expertise {
    private final Transactions tx;
    private final Definitions definitions;
    private final Awards awards;
    private final BrandFeatures features;

    TopicExpertise(Transactions tx, Definitions definitions, Awards awards, BrandFeatures features) {
        this.tx = tx;
        this.features = features;
        this.definitions = definitions;
        this.awards = awards;
    }

    @Override
    public boolean isTopicExpert(long brandId, long userId, long topicId) {
        return !expertsOf(brandId, topicId, List.of(userId)).isEmpty();
    }

    @Override
    public Set<Long> expertsOf(long brandId, long topicId, Collection<Long> userIds) {
        if (!features.isEnabled(brandId, BadgeEvents.CAPABILITY)) {
            return Set.of(); // badges switched off: nobody is shown as an expert, nor skips moderation
        }
        return tx.inTransaction(c -> {
            List<String> keys = new ArrayList<>();
            definitions.of(c, brandId).values().stream().filter(BadgeDefinition::expert).forEach(b -> keys.add(b.key()));
            return awards.holdersAmong(c, brandId, userIds, "topic:" + topicId, keys);
        });
    }
}
