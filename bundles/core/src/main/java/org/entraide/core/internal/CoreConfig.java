package org.entraide.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.core} configuration (etc/org.entraide.core.cfg). */
@ObjectClassDefinition(name = "Entraide core", description = "Security limits and demo data of the community core")
public @interface CoreConfig {
    @AttributeDefinition(name = "Bearer token lifetime, in hours")
    int token_lifetime_hours() default 24;

    @AttributeDefinition(name = "Largest accepted request body, in bytes (larger ones get 413)")
    int request_max_bytes() default 65536;

    @AttributeDefinition(name = "Rate-limit window, in minutes")
    int ratelimit_window_minutes() default 10;

    @AttributeDefinition(name = "Login attempts per account and window")
    int ratelimit_login() default 10;

    @AttributeDefinition(name = "Registrations per brand and window")
    int ratelimit_register() default 100;

    @AttributeDefinition(name = "Posts (questions, answers, complaints) per user and window")
    int ratelimit_post() default 30;

    @AttributeDefinition(name = "Markdown previews per user and window")
    int ratelimit_preview() default 300;

    @AttributeDefinition(name = "JAAS realm of instance administrators")
    String instance_admin_realm() default "karaf";

    @AttributeDefinition(name = "JAAS role of instance administrators")
    String instance_admin_role() default "admin";

    @AttributeDefinition(name = "How often each node looks for new events to dispatch, in milliseconds")
    int events_poll_millis() default 100;

    @AttributeDefinition(name = "Events given to a subscriber per transaction")
    int events_batch() default 200;

    @AttributeDefinition(name = "Create the demo brand and its accounts at start-up when it does not exist")
    boolean demo_enabled() default false;
}
