package org.entraide.badges.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of etc/org.entraide.badges.cfg. */
@ObjectClassDefinition(name = "Entraide badges", description = "Expert badges: where the shipped definitions are")
public @interface BadgesConfig {
    @AttributeDefinition(name = "Definitions file", description = "JSON file of the shipped badges, under etc/")
    String definitions_file() default "etc/entraide-badges.json";

    @AttributeDefinition(name = "Catch-up period (ms)", description = "How often the file and newly enabled brands are checked")
    long catchup_period_millis() default 5000;
}
