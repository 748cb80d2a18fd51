package org.entraide.notifications.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.notifications} configuration (etc/org.entraide.notifications.cfg). */
@ObjectClassDefinition(name = "Entraide notifications")
public @interface NotificationsConfig {
    @AttributeDefinition(name = "The address the site is reached at, on which the links of e-mails are built")
    String public_base_url() default "http://localhost:8181";

    @AttributeDefinition(name = "Secret signing the unsubscribe links (empty: one is generated once and kept in the database)")
    String unsubscribe_secret() default "";

    @AttributeDefinition(name = "At most one e-mail per thread and recipient in this many minutes; later ones are grouped")
    int email_thread_window_minutes() default 10;

    @AttributeDefinition(name = "The language of members who never chose one (fr or en)")
    String default_language() default "fr";

    @AttributeDefinition(name = "How often grouped e-mails whose window ended are sent, in milliseconds")
    int email_flush_poll_millis() default 30000;

    @AttributeDefinition(name = "The inbound mailbox replies are sent to (reply@example.org); each e-mail's Reply-To adds a "
        + "+token to its local part. Empty: no Reply-To and no reply by e-mail")
    String reply_address() default "";

    @AttributeDefinition(name = "The Camel mail consumer URI reading that mailbox (imap://host:port?username=..&password=.."
        + "&delete=false&unseen=true). Empty: replies are not read")
    String reply_imap_uri() default "";

    @AttributeDefinition(name = "How many days a reply address stays valid after its e-mail was sent")
    int reply_token_days() default 90;
}
