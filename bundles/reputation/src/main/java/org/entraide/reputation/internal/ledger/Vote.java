package org.entraide.reputation.internal.ledger;

/**
 * A vote as scoring sees it.
 *
 * @param answer whether the post is an answer (questions are the other votable posts)
 * @param value  1 (up) or -1 (down)
 */
public record Vote(long postId, long voterId, long authorId, boolean answer, int value) {
    public Vote {
        if (value != 1 && value != -1) {
            throw new IllegalArgumentException("a vote is 1 or -1: " + value);
        }
    }
}
