package org.entraide.api.event;

/**
 * A brand's official voice attached a note to a public answer, changed it, or took it away ({@code removed}).
 * {@code answerAuthorId}: who wrote the answer; {@code notedBy}: the staff member (or the account an API key acts
 * for) who wrote or removed the note. The note's text is read from the thread, not carried here.
 *
 * @since 1.5
 */
@EventType(name = EventTypes.ANSWER_STAFF_NOTED)
public record AnswerStaffNoted(long answerId, long questionId, long answerAuthorId, long notedBy, boolean removed)
    implements Event {
}
