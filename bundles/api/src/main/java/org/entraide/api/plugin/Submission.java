package org.entraide.api.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.security.Caller;

/**
 * Something a member submits, on its way through the submission pipeline before it is stored: a new post,
 * or an action on a post (a vote, a flag). Steps return a copy with a decision, text or notes changed.
 *
 * @param kind     what is submitted
 * @param postType the type of the new post (kind POST) or of the target post (actions)
 * @param targetId the parent of a new answer or response, or the post an action targets (the post commented on for
 *                 a comment); null for new questions and complaints
 * @param value    the vote value for kind VOTE; for kind COMMENT, 1 when the commenter wrote the post commented on or
 *                 its question (they may always comment there, without a privilege), otherwise 0
 * @param state    the publication state decided so far (PUBLISHED unless a step held or rejected it)
 * @param notes    why steps decided what they did, in order; shown to moderators
 * @param topicId  the topic of a new question or answer (an answer's is its question's); null otherwise
 */
public record Submission(long brandId, Kind kind, Caller author, PostType postType, Long targetId, String title,
                         String body, int value, PublicationState state, List<String> notes, Long topicId) {
    /**
     * What is submitted. A COMMENT (since 1.2) is a short text on a question or answer: {@code postType} is the type of
     * the post commented on, {@code body} its text, {@code title} null; steps check its text as a post's.
     */
    public enum Kind { POST, VOTE, FLAG, COMMENT }

    public Submission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(state, "state");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Without a topic: votes and flags, and posts outside topics. */
    public Submission(long brandId, Kind kind, Caller author, PostType postType, Long targetId, String title, String body,
                      int value, PublicationState state, List<String> notes) {
        this(brandId, kind, author, postType, targetId, title, body, value, state, notes, null);
    }

    public Submission withState(PublicationState newState, String note) {
        return new Submission(brandId, kind, author, postType, targetId, title, body, value, newState, append(note), topicId);
    }

    public Submission withText(String newTitle, String newBody, String note) {
        return new Submission(brandId, kind, author, postType, targetId, newTitle, newBody, value, state, append(note), topicId);
    }

    private List<String> append(String note) {
        List<String> all = new ArrayList<>(notes);
        if (note != null) {
            all.add(note);
        }
        return all;
    }
}
