package org.entraide.api.plugin;

/** Where a subscriber seen for the first time starts reading the event history. */
public enum StartFrom {
    /** Only events committed after the subscriber was first registered. */
    NOW,
    /** Every event since the first one: a capability installed late computes its state from the past. */
    BEGINNING
}
