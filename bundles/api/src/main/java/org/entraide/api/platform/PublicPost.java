package org.entraide.api.platform;

import java.time.Instant;
import java.util.List;

import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;

/**
 * A post everyone may read (published, not deleted), with what a search index keeps of it; never its author, whom a
 * complaint may hide. {@code title} is an answer's question's title; {@code topicId}, {@code storeId} and
 * {@code tags} are an answer's question's. {@code accepted}: a question that has an accepted answer, or the accepted
 * answer itself. {@code complaintStatus} is null for what is not a complaint.
 *
 * @since 1.4
 */
public record PublicPost(long id, long brandId, PostType type, Long parentId, String title, String body, Long topicId,
                         Long storeId, List<String> tags, boolean official, int score, boolean accepted,
                         ComplaintStatus complaintStatus, Instant createdAt) {
    public PublicPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
