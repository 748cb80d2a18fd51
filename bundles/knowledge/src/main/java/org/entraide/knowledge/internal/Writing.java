package org.entraide.knowledge.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.entraide.api.knowledge.ArticlePublished;
import org.entraide.api.knowledge.ArticleWithdrawn;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.model.Topic;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;

/**
 * Writes articles: resolves what a request names (topic slug, store codes, owner) inside the brand, renders the
 * Markdown once with the core's renderer, keeps every version and appends the events indexes follow, all in the
 * caller's transaction.
 */
final class Writing {
    /** What a writer asked for, before it is resolved. */
    record Draft(String title, String body, String topic, List<String> tags, String language, List<String> stores,
                 List<String> regions, boolean publish, boolean verified, String reviewOn, Long ownerId) {
    }

    private final Platform platform;
    private final ArticleStore articles;
    private final BrandSettings settings;
    private final Clock clock;

    Writing(Platform platform, ArticleStore articles, BrandSettings settings, Clock clock) {
        this.platform = platform;
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
    }

    /** Brand admins and moderators write the brand's articles; store managers and customers read them. */
    static boolean writes(Caller caller) {
        return caller.has(Role.BRAND_ADMIN) || caller.has(Role.MODERATOR);
    }

    static void requireWriter(Caller caller) {
        if (!writes(caller)) {
            throw ProblemException.forbidden("brand admins and moderators write articles");
        }
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    long create(Connection c, long brandId, Caller caller, Draft d, ArticleStore.Origin origin) {
        requireVerifier(caller, d.verified());
        Article.Content content = content(c, brandId, d);
        ArticleStore.Origin o = d.ownerId() == null ? origin
            : new ArticleStore.Origin(owner(c, brandId, d.ownerId()), origin.contributorId(), origin.sourcePostId(),
                origin.sourceThreadId());
        long id = articles.insert(c, brandId, content, o, d.verified(), caller.userId(), now());
        if (content.status() == Article.Status.PUBLISHED) {
            platform.events().append(c, brandId, caller.userId(), id, new ArticlePublished(id, 1));
        }
        return id;
    }

    void update(Connection c, Article a, Caller caller, Draft d) {
        requireVerifier(caller, d.verified());
        Article.Content content = content(c, a.brandId(), d);
        Long owner = d.ownerId() == null ? null : owner(c, a.brandId(), d.ownerId());
        int version = articles.update(c, a, content, owner, d.verified(), caller.userId(), now());
        if (content.status() == Article.Status.PUBLISHED) {
            platform.events().append(c, a.brandId(), caller.userId(), a.id(), new ArticlePublished(a.id(), version));
        } else if (a.isPublished()) {
            platform.events().append(c, a.brandId(), caller.userId(), a.id(), new ArticleWithdrawn(a.id(), false));
        }
    }

    void delete(Connection c, Article a, Caller caller) {
        articles.delete(c, a.id(), now());
        if (a.isPublished()) {
            platform.events().append(c, a.brandId(), caller.userId(), a.id(), new ArticleWithdrawn(a.id(), true));
        }
    }

    /** Only brand admins speak for the brand's truth. */
    private static void requireVerifier(Caller caller, boolean verified) {
        if (verified && !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only brand admins verify articles");
        }
    }

    private Article.Content content(Connection c, long brandId, Draft d) {
        Long topicId = d.topic() == null || d.topic().isBlank() ? null
            : platform.brands().topicBySlug(c, brandId, d.topic()).map(Topic::id)
                .orElseThrow(() -> ProblemException.invalid("topic", "no such topic"));
        List<Long> storeIds = new ArrayList<>();
        for (String code : d.stores() == null ? List.<String>of() : d.stores()) {
            storeIds.add(platform.stores().byCode(c, brandId, code).map(Store::id)
                .orElseThrow(() -> ProblemException.invalid("stores", "no such store: " + code)));
        }
        LocalDate review = d.reviewOn() == null ? today().plusDays(settings.of(c, brandId).reviewDays()) : day(d.reviewOn(), "reviewOn");
        return new Article.Content(d.title(), d.body(), platform.markdown().toHtml(d.body()), topicId, tags(d.tags()),
            d.language() == null ? "fr" : d.language(), List.copyOf(new LinkedHashSet<>(storeIds)),
            items("regions", d.regions()), d.publish() ? Article.Status.PUBLISHED : Article.Status.DRAFT, review);
    }

    /** An owner is one of the brand's writers: someone who can keep the article true. */
    private long owner(Connection c, long brandId, long userId) {
        MemberFacts m = platform.members().member(c, brandId, userId)
            .orElseThrow(() -> ProblemException.invalid("ownerId", "no such member"));
        if (!m.has(Role.BRAND_ADMIN) && !m.has(Role.MODERATOR)) {
            throw ProblemException.invalid("ownerId", "must be a brand admin or a moderator");
        }
        return m.id();
    }

    /** Tags as posts keep them: lower case, letters, digits and inner hyphens, no repeats. */
    static List<String> tags(List<String> raw) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : raw == null ? List.<String>of() : raw) {
            String tag = t.trim().toLowerCase(Locale.ROOT);
            if (!tag.matches("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?")) {
                throw ProblemException.invalid("tags", "a tag is letters, digits and inner hyphens: " + t);
            }
            out.add(tag);
        }
        return List.copyOf(out);
    }

    /** Region names are stored between commas: a comma in one would split it. */
    private static List<String> items(String field, List<String> raw) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            if (r.contains(",")) {
                throw ProblemException.invalid(field, "must not contain a comma");
            }
            out.add(r.trim());
        }
        return List.copyOf(out);
    }

    static LocalDate day(String iso, String field) {
        try {
            return LocalDate.parse(iso.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2027-03-01");
        }
    }
}
