package org.entraide.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.entraide.web}; every key and its default is in {@code config/org.entraide.web.cfg}. */
@ObjectClassDefinition(name = "Entraide web")
@interface WebConfig {
    @AttributeDefinition(description = "slug of the brand whose community the root path / redirects to")
    String homeBrand() default "demo";
}
