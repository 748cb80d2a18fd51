package org.entraide.api.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A published article as an index keeps it: its Markdown {@code body} (never its author), {@code language} "fr" or
 * "en", {@code verifiedAt} when the brand last verified it (null: never).
 */
public record PublishedArticle(long id, long brandId, String title, String body, Long topicId, List<String> tags,
                               String language, Instant verifiedAt, Instant updatedAt) {
    public PublishedArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
