package org.entraide.badges.internal.criteria;

/** A criterion that does not parse or names an unknown metric; {@link #position()} is 0-based. */
public final class InvalidCriterion extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int position;

    InvalidCriterion(String message, int position) {
        super(message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
