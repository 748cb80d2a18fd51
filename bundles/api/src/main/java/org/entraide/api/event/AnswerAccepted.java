package org.entraide.api.event;

/** The asker accepted an answer; the subject is the question. */
@EventType(name = EventTypes.ANSWER_ACCEPTED)
public record AnswerAccepted(long questionId, long answerId, long answerAuthorId, long questionAuthorId)
                             implements Event {
}
