package org.entraide.api.model;

/** Whether the public sees a post. Only PUBLISHED posts appear in public views. */
public enum PublicationState {
    PUBLISHED,
    PENDING_REVIEW,
    REJECTED,
    HIDDEN
}
