package org.entraide.webhooks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.webhooks} configuration (etc/org.entraide.webhooks.cfg). */
@ObjectClassDefinition(name = "Entraide webhooks")
public @interface WebhooksConfig {
    @AttributeDefinition(name = "How often due deliveries are sent, in milliseconds")
    int send_poll_millis() default 500;

    @AttributeDefinition(name = "Total time budget of one delivery attempt (resolution, connection, TLS, request, answer), in seconds")
    int send_timeout_seconds() default 5;

    @AttributeDefinition(name = "Attempts before a delivery fails")
    int max_attempts() default 8;

    @AttributeDefinition(name = "First retry delay in milliseconds, doubled at each retry")
    int retry_base_millis() default 2000;

    @AttributeDefinition(name = "Accept plain http:// URLs")
    boolean allow_insecure_http() default false;

    @AttributeDefinition(name = "Host names, addresses and CIDR ranges inside the deployment's own network that webhooks may "
        + "reach although they are private or special-purpose (comma-separated; empty: none)")
    String allowed_internal_targets() default "";

    @AttributeDefinition(name = "Deliveries in flight at once on this node, all endpoints together")
    int send_threads() default 16;

    @AttributeDefinition(name = "Deliveries in flight at once to one endpoint, on this node")
    int endpoint_concurrency() default 2;

    @AttributeDefinition(name = "Consecutive failures of an endpoint that open its circuit")
    int circuit_failures() default 5;

    @AttributeDefinition(name = "How long an open circuit holds an endpoint's deliveries back, in seconds")
    int circuit_open_seconds() default 60;
}
