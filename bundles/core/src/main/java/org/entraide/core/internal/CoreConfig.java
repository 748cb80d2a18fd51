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

    @AttributeDefinition(name = "Rate-limit window, in minutes (posts, previews, registrations, failed logins per address)")
    int ratelimit_window_minutes() default 10;

    @AttributeDefinition(name = "Failed logins per account and client address before each attempt waits (exponential back-off)")
    int ratelimit_login() default 10;

    @AttributeDefinition(name = "Failed logins per account before attempts from addresses it did not log in from wait")
    int ratelimit_login_account() default 100;

    @AttributeDefinition(name = "Failed logins per client address and window, whatever the account")
    int ratelimit_login_address() default 100;

    @AttributeDefinition(name = "How long failed logins are remembered, in hours")
    int ratelimit_login_window_hours() default 24;

    @AttributeDefinition(name = "First back-off wait, in milliseconds; doubled at each further failure")
    int ratelimit_backoff_base_millis() default 1000;

    @AttributeDefinition(name = "Longest back-off wait, in seconds")
    int ratelimit_backoff_max_seconds() default 900;

    @AttributeDefinition(name = "How long an address where an account logged in stays its owner's, in days")
    int ratelimit_known_address_days() default 30;

    @AttributeDefinition(name = "Registrations per client address and window, whatever the brand")
    int ratelimit_register() default 100;

    @AttributeDefinition(name = "Posts (questions, answers, complaints) per user and window")
    int ratelimit_post() default 30;

    @AttributeDefinition(name = "Markdown previews per user and window")
    int ratelimit_preview() default 300;

    @AttributeDefinition(name = "Comments (new and edited) per user and window")
    int ratelimit_comment() default 30;

    @AttributeDefinition(name = "Member look-ups by pseudonym prefix (@mention autocomplete) per user and window")
    int ratelimit_members() default 300;

    @AttributeDefinition(name = "Account e-mails (reset and verification links) per target address or account and window")
    int ratelimit_account_mail() default 5;

    @AttributeDefinition(name = "Account-recovery requests (reset, verification) per client address and window")
    int ratelimit_account_address() default 30;

    @AttributeDefinition(name = "Wrong current passwords per account and window when changing a password")
    int ratelimit_password_change() default 10;

    @AttributeDefinition(name = "Avatar uploads per account and window (each is a picture to decode)")
    int ratelimit_avatar() default 10;

    @AttributeDefinition(name = "Drafts saved per account and window (pages save while the member types)")
    int ratelimit_draft() default 600;

    @AttributeDefinition(name = "Single sign-on starts and callbacks per client address and window")
    int ratelimit_sso() default 100;

    @AttributeDefinition(name = "Key sealing brands' OpenID Connect client secrets (AES-256-GCM): base64 of 32 bytes, "
        + "the same on every node (empty: ${karaf.data}/keys/sso.key, made on first start)")
    String sso_secret_key() default "";

    @AttributeDefinition(name = "Requests per API key and window (a brand's system calling the API)")
    int ratelimit_apikey() default 600;

    @AttributeDefinition(name = "The address the community's pages are reached at, on which the links of account "
        + "e-mails (verification, password reset) are built; never taken from a request")
    String public_base_url() default "http://localhost:8181";

    @AttributeDefinition(name = "Proxies whose X-Forwarded-For is believed: IP addresses or CIDR ranges, comma-separated "
        + "(loopback by default: the web pages call the API there, forwarding the visitor's address)")
    String client_trusted_proxies() default "127.0.0.1, ::1";

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

    @AttributeDefinition(name = "Camel SMTP endpoint e-mail is sent through, e.g. smtp://host:587?username=u&password=p "
        + "(empty: every message is written as an .eml file to mail.outbox.dir instead)")
    String mail_smtp_uri() default "";

    @AttributeDefinition(name = "Sender (From) of every e-mail")
    String mail_from() default "entraide@localhost";

    @AttributeDefinition(name = "Attempts at sending a message before it is marked FAILED")
    int mail_max_attempts() default 8;

    @AttributeDefinition(name = "Wait after the first failed attempt, in milliseconds; doubled at each further one (at most an hour)")
    int mail_retry_base_millis() default 30000;

    @AttributeDefinition(name = "How often each node looks for e-mail to send, in milliseconds")
    int mail_poll_millis() default 1000;

    @AttributeDefinition(name = "Folder of the .eml outbox when no SMTP server is configured (empty: ${karaf.data}/mail/outbox)")
    String mail_outbox_dir() default "";

    @AttributeDefinition(name = "SMTP connections each node sends through at once (1 to 64)")
    int mail_smtp_connections() default 8;

    @AttributeDefinition(name = "With the demo brand, play its scenario once the server has started with its capabilities")
    boolean demo_scenario() default false;

    @AttributeDefinition(name = "Most events an installed subscriber may be behind while GET /health/ready answers UP")
    long health_max_event_lag() default 10000;

    @AttributeDefinition(name = "Bearer token that reads GET /metrics besides instance administrators' HTTP Basic "
        + "(empty: administrators only; otherwise at least 16 characters)")
    String metrics_token() default "";
}
