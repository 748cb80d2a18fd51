package org.entraide.core.internal.camel;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.http} configuration (etc/org.entraide.http.cfg). */
@ObjectClassDefinition(name = "Entraide HTTP", description = "Where the API and the web pages listen")
public @interface HttpConfig {
    @AttributeDefinition(name = "Interface to bind (0.0.0.0 for all)")
    String http_host() default "0.0.0.0";

    @AttributeDefinition(name = "HTTP port")
    int http_port() default 8181;
}
