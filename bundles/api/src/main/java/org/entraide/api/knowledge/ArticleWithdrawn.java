package org.entraide.api.knowledge;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** A public article is no longer public: back to draft ({@code deleted} false) or deleted. */
@EventType(name = KnowledgeEvents.ARTICLE_WITHDRAWN, subject = KnowledgeEvents.SUBJECT_ARTICLE)
public record ArticleWithdrawn(long articleId, boolean deleted) implements Event {
}
