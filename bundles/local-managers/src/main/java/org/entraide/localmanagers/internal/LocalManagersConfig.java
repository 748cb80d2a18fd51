package org.entraide.localmanagers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of etc/org.entraide.localmanagers.cfg. */
@ObjectClassDefinition(name = "Entraide local managers", description = "Deadlines and the ranking formula")
public @interface LocalManagersConfig {
    @AttributeDefinition(description = "First-response deadline, in the store's opening hours")
    int first_response_opening_hours() default 24;

    @AttributeDefinition(description = "Opening hours the region has before the central team takes over")
    int region_opening_hours() default 24;

    @AttributeDefinition(description = "How often due deadlines are looked for (ms)")
    long deadlines_period_millis() default 30000;

    @AttributeDefinition(description = "Weight of the response rate in the score")
    double ranking_weight_response() default 0.2;

    @AttributeDefinition(description = "Weight of the average rating in the score")
    double ranking_weight_rating() default 0.3;

    @AttributeDefinition(description = "Weight of the resolution rate in the score")
    double ranking_weight_resolution() default 0.3;

    @AttributeDefinition(description = "Weight of the would-buy-again rate in the score")
    double ranking_weight_buy_again() default 0.2;

    @AttributeDefinition(description = "Evaluated complaints below which a store shows 'not enough data'")
    int ranking_min_evaluated() default 10;
}
