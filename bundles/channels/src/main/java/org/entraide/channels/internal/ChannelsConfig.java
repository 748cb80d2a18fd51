package org.entraide.channels.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code org.entraide.channels} configuration (etc/org.entraide.channels.cfg). */
@ObjectClassDefinition(name = "Entraide channels")
public @interface ChannelsConfig {
    @AttributeDefinition(name = "The address the site is reached at, on which the stores' QR codes are built "
        + "(http or https, no path)")
    String public_base_url() default "http://localhost:8181";

    @AttributeDefinition(name = "Width and height of a store's QR code image, in pixels (100 to 2000)")
    int qr_size_pixels() default 600;

    @AttributeDefinition(name = "Thanks one visitor who did not sign in may send per hour, from one address")
    int thanks_per_hour_anonymous() default 3;

    @AttributeDefinition(name = "Thanks one member may send per hour")
    int thanks_per_hour_member() default 10;

    @AttributeDefinition(name = "The Camel mail consumer URI reading the mailbox of the stores' addresses "
        + "(imap://host:port?username=..&password=..; empty: no e-mail intake)")
    String intake_imap_uri() default "";

    @AttributeDefinition(name = "Largest message read at a store's address, in kilobytes")
    int intake_max_message_kilobytes() default 1024;

    @AttributeDefinition(name = "Days a sender has to confirm their message by the link sent to them")
    int intake_link_days() default 7;

    @AttributeDefinition(name = "Days after a complaint is closed during which its contact relay still carries messages")
    int relay_days_after_close() default 30;

    @AttributeDefinition(name = "Largest picture attached to a complaint, in kilobytes, before it is re-encoded; brands may "
        + "set a lower limit")
    int attachment_max_kilobytes() default 5120;

    @AttributeDefinition(name = "Pictures attached to one complaint, at most")
    int attachment_max_count() default 5;
}
