package org.entraide.notifications.internal;

/** What the notifications benchmark drives directly: the plugin's digest job, which its timer runs in Karaf. */
public final class NotificationsBench {
    private NotificationsBench() {
    }

    /** Writes the daily and weekly digests that are due. @return e-mails written */
    public static int digestsDue(NotificationsPlugin plugin) {
        return plugin.digestsDue();
    }
}
