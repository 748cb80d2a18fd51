package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.entraide.api.knowledge.ArticlePromoted;
import org.entraide.api.model.PostType;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.PostText;
import org.entraide.api.platform.PublicPost;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.jdbc.Sql;

/**
 * An accepted answer or an official response becomes an article in one request: its text, its thread's title, topic
 * and tags unless the writer gives others; the thread links to the article, the post's author is credited, and the
 * points the brand set go to them through {@code article.promoted} (reputation applies it once). A post is promoted
 * once: the article's unique source answers a second request, even a simultaneous one, with a 409.
 */
final class Promotions {
    /** What the post gives the article. */
    private record Source(long postId, long threadId, long authorId, String title, String body, Long topicId,
                          List<String> tags) {
    }

    private final Platform platform;
    private final ArticleStore articles;
    private final BrandSettings settings;
    private final Writing writing;

    Promotions(Platform platform, ArticleStore articles, BrandSettings settings, Writing writing) {
        this.platform = platform;
        this.articles = articles;
        this.settings = settings;
        this.writing = writing;
    }

    /** @return the new article's id */
    long promote(Connection c, long brandId, Caller caller, long postId, Writing.Draft asked) {
        Source s = source(c, brandId, postId);
        if (articles.bySourcePost(c, brandId, postId).isPresent()) {
            throw ProblemException.conflict("this post is already an article");
        }
        Writing.Draft d = new Writing.Draft(asked.title() == null || asked.title().isBlank() ? s.title() : asked.title(),
            s.body(), asked.topic(), asked.tags() == null ? s.tags() : asked.tags(), asked.language(), List.of(), List.of(),
            asked.publish(), asked.verified(), asked.reviewOn(), null);
        long id;
        try {
            id = writing.create(c, brandId, caller, d.topic() == null ? withTopic(c, brandId, d, s.topicId()) : d,
                new ArticleStore.Origin(caller.userId(), s.authorId(), s.postId(), s.threadId()));
        } catch (Sql.Failure e) {
            if (e.isUniqueViolation()) {
                throw ProblemException.conflict("this post is already an article");
            }
            throw e;
        }
        int points = settings.of(c, brandId).promotionPoints();
        platform.events().append(c, brandId, caller.userId(), s.authorId(), new ArticlePromoted(id, postId, s.authorId(), points));
        return id;
    }

    /** The thread's topic, as a slug the writing resolves again inside the brand. */
    private Writing.Draft withTopic(Connection c, long brandId, Writing.Draft d, Long topicId) {
        String slug = topicId == null ? null
            : platform.brands().topicById(c, brandId, topicId).map(t -> t.slug()).orElse(null);
        return new Writing.Draft(d.title(), d.body(), slug, d.tags(), d.language(), d.stores(), d.regions(), d.publish(),
            d.verified(), d.reviewOn(), d.ownerId());
    }

    private Source source(Connection c, long brandId, long postId) {
        PostFacts p = platform.posts().post(c, brandId, postId)
            .orElseThrow(() -> ProblemException.notFound("no such post"));
        String body = platform.posts().text(c, brandId, postId).map(PostText::body).orElse("");
        if (p.type() == PostType.ANSWER) {
            Optional<PublicPost> pub = platform.posts().publicPost(c, brandId, postId);
            if (pub.isEmpty() || !pub.get().accepted()) {
                throw refused("only an accepted answer, public, becomes an article");
            }
            PublicPost a = pub.get();
            return new Source(postId, a.parentId(), p.authorId(), a.title(), body, a.topicId(), a.tags());
        }
        if (p.type() == PostType.RESPONSE) {
            PostFacts complaint = platform.posts().post(c, brandId, p.parentId())
                .orElseThrow(() -> ProblemException.notFound("no such post"));
            if (!p.isPublished() || !complaint.isPublished()) {
                throw refused("only an official response to a public complaint becomes an article");
            }
            // the complainant is never named: the article takes the response's words and the complaint's title only
            return new Source(postId, complaint.id(), p.authorId(), complaint.title(), body, complaint.topicId(),
                complaint.tags());
        }
        throw refused("only an accepted answer or an official response becomes an article");
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(422, "not-promotable", "Not promotable", detail, null, null);
    }
}
