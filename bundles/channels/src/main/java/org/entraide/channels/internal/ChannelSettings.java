package org.entraide.channels.internal;

import java.net.URI;
import java.util.Locale;

/** The plugin's configuration, checked: an invalid value fails activation with a message naming its key. Public for the pages' tests. */
public record ChannelSettings(String publicBaseUrl, int qrSize, int thanksPerHourAnonymous, int thanksPerHourMember,
                              String intakeImapUri, int intakeMaxBytes, java.time.Duration intakeLinkLife,
                              java.time.Duration relayAfterClose, int attachmentMaxBytes, int attachmentMaxCount) {
    public ChannelSettings {
        if (attachmentMaxBytes < 1024 || attachmentMaxBytes > 20 * 1024 * 1024) {
            throw new IllegalArgumentException("attachment.max.kilobytes must be between 1 and 20480");
        }
        if (attachmentMaxCount < 0 || attachmentMaxCount > 20) {
            throw new IllegalArgumentException("attachment.max.count must be between 0 and 20");
        }
        intakeImapUri = intakeImapUri == null || intakeImapUri.isBlank() ? null : intakeImapUri.strip();
        if (intakeImapUri != null && !intakeImapUri.matches("(imap|imaps|pop3|pop3s)://.+")) {
            throw new IllegalArgumentException("intake.imap.uri must be a Camel mail consumer URI (imap:// or imaps://)");
        }
        if (intakeMaxBytes < 1024 || intakeLinkLife.isNegative() || intakeLinkLife.isZero()) {
            throw new IllegalArgumentException("intake.max.message.kilobytes and intake.link.days must be positive");
        }
        if (relayAfterClose == null || relayAfterClose.isNegative()) {
            throw new IllegalArgumentException("relay.days.after.close must not be negative");
        }
        publicBaseUrl = baseUrl(publicBaseUrl);
        if (qrSize < 100 || qrSize > 2000) {
            throw new IllegalArgumentException("qr.size.pixels must be between 100 and 2000, not " + qrSize);
        }
        if (thanksPerHourAnonymous < 0 || thanksPerHourMember < 0) {
            throw new IllegalArgumentException("thanks.per.hour.anonymous and thanks.per.hour.member must not be negative");
        }
    }

    static ChannelSettings of(ChannelsConfig c) {
        return new ChannelSettings(c.public_base_url(), c.qr_size_pixels(), c.thanks_per_hour_anonymous(),
            c.thanks_per_hour_member(), c.intake_imap_uri(), c.intake_max_message_kilobytes() * 1024,
            java.time.Duration.ofDays(c.intake_link_days()), java.time.Duration.ofDays(c.relay_days_after_close()),
            c.attachment_max_kilobytes() * 1024, c.attachment_max_count());
    }

    public static ChannelSettings defaults(String publicBaseUrl) {
        return new ChannelSettings(publicBaseUrl, 600, 3, 10, null, 1024 * 1024, java.time.Duration.ofDays(7),
            java.time.Duration.ofDays(30), 5120 * 1024, 5);
    }

    /** The same, reading the stores' mailbox with that Camel mail consumer URI. */
    public ChannelSettings withIntake(String imapUri) {
        return new ChannelSettings(publicBaseUrl, qrSize, thanksPerHourAnonymous, thanksPerHourMember, imapUri, intakeMaxBytes,
            intakeLinkLife, relayAfterClose, attachmentMaxBytes, attachmentMaxCount);
    }

    /** The same, with the relay stopping that long after a complaint is closed. */
    public ChannelSettings withRelayAfterClose(java.time.Duration period) {
        return new ChannelSettings(publicBaseUrl, qrSize, thanksPerHourAnonymous, thanksPerHourMember, intakeImapUri,
            intakeMaxBytes, intakeLinkLife, period, attachmentMaxBytes, attachmentMaxCount);
    }

    /** The same, with those attachment limits. */
    public ChannelSettings withAttachments(int maxBytes, int maxCount) {
        return new ChannelSettings(publicBaseUrl, qrSize, thanksPerHourAnonymous, thanksPerHourMember, intakeImapUri,
            intakeMaxBytes, intakeLinkLife, relayAfterClose, maxBytes, maxCount);
    }

    private static String baseUrl(String raw) {
        String value = raw == null ? "" : raw.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null && uri.getUserInfo() == null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("public.base.url must be an http or https address without a path, not '" + raw + "'");
    }
}
