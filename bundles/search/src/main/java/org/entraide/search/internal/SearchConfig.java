package org.entraide.search.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.search} configuration (etc/org.entraide.search.cfg). */
@ObjectClassDefinition(name = "Entraide search")
public @interface SearchConfig {
    @AttributeDefinition(name = "Folder of this node's index and node id (empty: ${karaf.data}/search)")
    String folder() default "";

    @AttributeDefinition(name = "New content becomes searchable within this many milliseconds")
    int refresh_millis() default 250;

    @AttributeDefinition(name = "The index is made durable every this many milliseconds")
    int commit_millis() default 5000;
}
