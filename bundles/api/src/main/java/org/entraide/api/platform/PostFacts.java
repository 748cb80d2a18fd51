package org.entraide.api.platform;

import java.time.Instant;
import java.util.List;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;

/**
 * A post as plugins know it: what it is, where it belongs and whether it is public; never its text's rendering.
 * {@code parentId}: the question of an answer, the complaint of a response; {@code topicId} and {@code storeId}
 * are an answer's question's.
 */
public record PostFacts(long id, long brandId, PostType type, Long parentId, long authorId, String title,
                        PublicationState publication, Long topicId, Long storeId, List<String> tags, Instant createdAt) {
    public PostFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isPublished() {
        return publication == PublicationState.PUBLISHED;
    }
}
