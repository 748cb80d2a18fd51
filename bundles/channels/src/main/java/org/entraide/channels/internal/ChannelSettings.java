package org.entraide.channels.internal;

import java.net.URI;
import java.util.Locale;

/** The plugin's configuration, checked: an invalid value fails activation with a message naming its key. Public for the pages' tests. */
public record ChannelSettings(String publicBaseUrl, int qrSize, int thanksPerHourAnonymous, int thanksPerHourMember) {
    public ChannelSettings {
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
            c.thanks_per_hour_member());
    }

    public static ChannelSettings defaults(String publicBaseUrl) {
        return new ChannelSettings(publicBaseUrl, 600, 3, 10);
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
