package org.entraide.api.knowledge;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/** An article reached its review date ({@code reviewOn}, ISO date); appended once per article and review date. */
@EventType(name = KnowledgeEvents.ARTICLE_REVIEW_DUE, subject = EventTypes.SUBJECT_USER)
public record ArticleReviewDue(long articleId, long ownerId, String title, String reviewOn) implements Event {
}
