package org.entraide.api.platform;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.entraide.api.model.PublicationState;
import org.osgi.annotation.versioning.ProviderType;

/** Reads posts. The core provides it; the caller's thread and transaction; reads only. */
@ProviderType
public interface Posts {
    /** The post of that brand, whatever its publication; empty for an unknown id or another brand's. */
    Optional<PostFacts> post(Connection connection, long brandId, long postId);

    /** The post's stored text; empty as {@link #post} is. */
    Optional<PostText> text(Connection connection, long brandId, long postId);

    /**
     * How many posts of that brand the author wrote that match every criterion given; a null criterion matches all.
     *
     * @param publication only posts in that state
     * @param createdAfter only posts created strictly after it
     * @param body only posts with exactly that stored body
     */
    long countByAuthor(Connection connection, long brandId, long authorId, PublicationState publication, Instant createdAfter,
                       String body);

    /**
     * The complaints of that brand among those ids, whatever their publication, by id, in one read (for a page of a
     * plugin's own rows). Ids unknown, of another brand or of posts that are not complaints are left out; an empty
     * collection answers an empty map.
     *
     * @since 1.2
     */
    Map<Long, ComplaintFacts> complaints(Connection connection, long brandId, Collection<Long> complaintIds);

    /**
     * The questions, answers and complaints of that brand everyone may read (published, not deleted, an answer's
     * question too), with an id above {@code afterId}, by id, at most {@code limit}: a search index rebuilds from it
     * page after page.
     *
     * @since 1.4
     */
    java.util.List<PublicPost> publicPosts(Connection connection, long brandId, long afterId, int limit);

    /** That question, answer or complaint if everyone may read it, as {@link #publicPosts} reads it. @since 1.4 */
    Optional<PublicPost> publicPost(Connection connection, long brandId, long postId);

    /** The answers of that question everyone may read, by id; empty while the question itself is not public. @since 1.4 */
    java.util.List<PublicPost> publicAnswers(Connection connection, long brandId, long questionId);
}
