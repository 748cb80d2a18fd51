package org.entraide.notifications.internal;

import java.util.Locale;

/**
 * Where a member hears of one kind of notification: {@code off} nowhere, {@code app} in the product only,
 * {@code email} in the product and by an immediate e-mail, {@code daily} / {@code weekly} in the product and in a
 * digest e-mail.
 */
public enum Channel {
    OFF, APP, EMAIL, DAILY, WEEKLY;

    /** The lower-case name used in the API and the tables. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for an unknown name. */
    public static Channel of(String key) {
        if (key == null) {
            return null;
        }
        for (Channel c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }
}
