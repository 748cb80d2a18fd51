package org.entraide.incidents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of etc/org.entraide.incidents.cfg. */
@ObjectClassDefinition(name = "Entraide incidents", description = "Crisis mode: detection of rises, statements")
public @interface IncidentsConfig {
    @AttributeDefinition(name = "Deviations", description = "A rise is at least this many standard deviations (of the scope's own history) over the baseline")
    double detection_deviations() default 3.0;

    @AttributeDefinition(name = "Tail probability", description = "A rise is a count that the hour's expected rate of posts (the scope's weekly profile, raised halfway to the same hour's mean when higher) "
        + "(a Poisson count) would reach at most this often")
    double detection_tail_probability() default 1e-4;

    @AttributeDefinition(name = "Weeks", description = "The baseline: the same hour of the day and week over this many weeks")
    int detection_weeks() default 8;

    @AttributeDefinition(name = "Minimum posts", description = "An hour with fewer posts in a scope is never a rise")
    int detection_min_posts() default 3;

    @AttributeDefinition(name = "Evaluation period (ms)", description = "How often the last hours are evaluated")
    long detection_period_millis() default 300000;

    @AttributeDefinition(name = "Statement answers complaints", description = "Whether the first statement is the official "
        + "response of the open complaints attached to the incident, for every brand")
    boolean statement_answers_complaints() default false;
}
