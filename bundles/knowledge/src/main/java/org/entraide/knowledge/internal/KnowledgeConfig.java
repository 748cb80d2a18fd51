package org.entraide.knowledge.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.knowledge} configuration (etc/org.entraide.knowledge.cfg). */
@ObjectClassDefinition(name = "Entraide knowledge")
public @interface KnowledgeConfig {
    @AttributeDefinition(name = "Reputation points for a promoted contribution, until a brand sets its own (0 to 1000)")
    int promotion_points() default 25;

    @AttributeDefinition(name = "Days from writing to an article's review, until a brand sets its own (1 to 3650)")
    int review_days() default 180;

    @AttributeDefinition(name = "How often articles that reached their review date are announced, in milliseconds")
    long review_sweep_millis() default 600_000;
}
