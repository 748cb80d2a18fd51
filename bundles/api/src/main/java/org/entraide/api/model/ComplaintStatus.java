package org.entraide.api.model;

/** A complaint's life: OPEN until staff respond, then the complainant says RESOLVED or UNRESOLVED. */
public enum ComplaintStatus {
    OPEN,
    ANSWERED,
    RESOLVED,
    UNRESOLVED;

    /** Whether the complainant may give their verdict in this status. */
    public boolean acceptsResolution() {
        return this == ANSWERED;
    }
}
