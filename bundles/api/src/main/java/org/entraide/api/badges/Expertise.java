package org.entraide.api.badges;

/**
 * Who the brand recognises as an expert of a topic, as decided by the badges plugin (the holders of a
 * "topic expert" badge of that topic). The badges plugin provides it as an OSGi service; the moderation
 * plugin reads it to let experts skip pre-moderation in their topic, and views read it to mark expert
 * answers. Called on any thread, inside or outside a transaction; it reads the database and must not be
 * called in a tight loop per row of a large listing (use {@link #expertsOf}).
 */
public interface Expertise {
    /** True when the user holds a topic-expert badge (any tier) of that topic in that brand. */
    boolean isTopicExpert(long brandId, long userId, long topicId);

    /**
     * The users among {@code userIds} who are experts of the topic, for marking a page of answers in one
     * query. Never null; empty when none is.
     */
    java.util.Set<Long> expertsOf(long brandId, long topicId, java.util.Collection<Long> userIds);
}
