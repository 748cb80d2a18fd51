package org.entraide.api.knowledge;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;
import org.entraide.api.event.EventTypes;

/**
 * A post (an accepted answer, an official response) became an article. {@code contributorId} wrote the post and is
 * credited; {@code points} is what the brand gives for it (0: nothing), applied once by reputation.
 */
@EventType(name = KnowledgeEvents.ARTICLE_PROMOTED, subject = EventTypes.SUBJECT_USER)
public record ArticlePromoted(long articleId, long postId, long contributorId, int points) implements Event {
}
