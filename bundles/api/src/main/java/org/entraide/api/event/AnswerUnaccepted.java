package org.entraide.api.event;

/** The asker withdrew an acceptance, or accepted another answer; the subject is the question. */
@EventType(name = EventTypes.ANSWER_UNACCEPTED)
public record AnswerUnaccepted(long questionId, long answerId, long answerAuthorId, long questionAuthorId)
                               implements Event {
}
