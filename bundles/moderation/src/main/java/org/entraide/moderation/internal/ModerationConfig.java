package org.entraide.moderation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of etc/org.entraide.moderation.cfg. */
@ObjectClassDefinition(name = "Entraide moderation", description = "Flags and the review queue")
public @interface ModerationConfig {
    @AttributeDefinition(name = "Flag threshold", description = "Total flag weight that hides a post until review")
    double flag_threshold() default 3.0;

    @AttributeDefinition(name = "Reminder after (hours)", description = "An item waiting longer triggers a reminder event")
    long review_remind_after_hours() default 24;

    @AttributeDefinition(name = "Rule set files folder", description = "Where entraide-moderation-<brand>.json files are "
        + "read from, relative to Karaf's home")
    String rulesets_dir() default "etc";
}
