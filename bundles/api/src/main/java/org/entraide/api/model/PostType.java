package org.entraide.api.model;

/** The four kinds of post. Answers belong to a question, responses to a complaint. */
public enum PostType {
    QUESTION,
    COMPLAINT,
    ANSWER,
    RESPONSE;

    /** Only questions and answers take votes. */
    public boolean isVotable() {
        return this == QUESTION || this == ANSWER;
    }
}
