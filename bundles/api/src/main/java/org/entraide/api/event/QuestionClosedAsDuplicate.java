package org.entraide.api.event;

/**
 * A moderator or brand admin closed a question as a duplicate of another: readers of {@code questionId} are sent
 * to {@code originalId}; its answers and votes stay. {@code closedBy}: who closed it.
 *
 * @since 1.4
 */
@EventType(name = EventTypes.QUESTION_DUPLICATE)
public record QuestionClosedAsDuplicate(long questionId, long originalId, long closedBy) implements Event {
}
