package org.entraide.api.knowledge;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** An article is public in this version: indexes read it again with {@link Articles#published}. */
@EventType(name = KnowledgeEvents.ARTICLE_PUBLISHED, subject = KnowledgeEvents.SUBJECT_ARTICLE)
public record ArticlePublished(long articleId, int version) implements Event {
}
