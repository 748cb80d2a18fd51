package org.entraide.notifications.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.api.badges.BadgeAwarded;
import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.event.AnswerAccepted;
import org.entraide.api.event.CommentEdited;
import org.entraide.api.event.CommentModerated;
import org.entraide.api.event.CommentPosted;
import org.entraide.api.event.ComplaintReopened;
import org.entraide.api.event.ComplaintResponded;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.PostHidden;
import org.entraide.api.event.PostPublished;
import org.entraide.api.event.PostRejected;
import org.entraide.api.event.PostSubmitted;
import org.entraide.api.knowledge.ArticleReviewDue;
import org.entraide.api.knowledge.KnowledgeEvents;
import org.entraide.api.incidents.IncidentEvents;
import org.entraide.api.localmanagers.ComplaintAssigned;
import org.entraide.api.localmanagers.ComplaintDelegated;
import org.entraide.api.localmanagers.ComplaintEscalated;
import org.entraide.api.localmanagers.ComplaintReminder;
import org.entraide.api.localmanagers.DetailsGiven;
import org.entraide.api.localmanagers.DetailsRequested;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.moderation.AppealDecided;
import org.entraide.api.moderation.AppealFiled;
import org.entraide.api.moderation.ModerationEvents;
import org.entraide.api.moderation.ReviewOverdue;
import org.entraide.api.moderation.SanctionImposed;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.PostFacts;

/**
 * Turns one event into its notifications, in the dispatcher's transaction: one row per recipient and kind, never
 * to the event's actor, never twice. Notifications to anyone but the complainant name a complaint by its title and
 * store only, never by its author.
 */
final class Notifier {
    /** The event types this subscriber reads. */
    static final Set<String> EVENT_TYPES = Set.of(EventTypes.POST_SUBMITTED, EventTypes.POST_PUBLISHED,
        EventTypes.POST_REJECTED, EventTypes.POST_HIDDEN, EventTypes.ANSWER_ACCEPTED, EventTypes.COMPLAINT_RESPONDED,
        EventTypes.COMPLAINT_REOPENED, LocalManagerEvents.COMPLAINT_ASSIGNED, LocalManagerEvents.COMPLAINT_REMINDER,
        LocalManagerEvents.COMPLAINT_ESCALATED, LocalManagerEvents.COMPLAINT_DELEGATED, LocalManagerEvents.DETAILS_REQUESTED,
        LocalManagerEvents.DETAILS_GIVEN, BadgeEvents.BADGE_AWARDED, ModerationEvents.APPEAL_FILED,
        ModerationEvents.APPEAL_DECIDED, ModerationEvents.SANCTION_IMPOSED, ModerationEvents.REVIEW_OVERDUE,
        EventTypes.USER_REGISTERED, EventTypes.COMPLAINT_PUBLISHED, EventTypes.COMMENT_POSTED, EventTypes.COMMENT_EDITED,
        EventTypes.COMMENT_MODERATED, KnowledgeEvents.ARTICLE_REVIEW_DUE, IncidentEvents.STATEMENT_PUBLISHED,
        IncidentEvents.RISE_DETECTED);
    /** Moderators and central teams told of one event: a brand's staff, never its whole membership. */
    private static final int STAFF = 200;

    private static final String QUESTION = "question";
    private static final String COMPLAINT = "complaint";
    private static final String MEMBER = "member";
    private static final String MANAGER_LINK = "/b/" + Draft.BRAND + "/manager";
    private static final String MODERATION_LINK = "/b/" + Draft.BRAND + "/me/moderation";
    private static final String QUEUE_LINK = "/b/" + Draft.BRAND + "/moderation";

    private final NotificationStore store;
    private final FanOuts fanOuts;
    private final Platform platform;
    private final NotificationMailer mailer;
    private final DailySummary summary;
    private final Clock clock;

    private final IncidentNotices incidents;

    Notifier(NotificationStore store, FanOuts fanOuts, Platform platform, NotificationMailer mailer, DailySummary summary,
             Clock clock, IncidentNotices incidents) {
        this.fanOuts = fanOuts;
        this.incidents = incidents;
        this.summary = summary;
        this.store = store;
        this.platform = platform;
        this.mailer = mailer;
        this.clock = clock;
    }

    void handle(Connection c, DomainEvent e) throws Exception {
        switch (e.type()) {
            case EventTypes.POST_SUBMITTED -> {
                PostSubmitted s = platform.events().read(e, PostSubmitted.class);
                submitted(c, e, s);
                if (s.publication() == PublicationState.PENDING_REVIEW) {
                    summary.count(c, e.id(), DailySummary.HELD, e.brandId(), e.occurredAt(), null);
                }
            }
            case EventTypes.POST_PUBLISHED -> {
                PostPublished p = platform.events().read(e, PostPublished.class);
                published(c, e, p);
                if (p.postType() == PostType.QUESTION || p.postType() == PostType.ANSWER) {
                    summary.count(c, e.id(), p.postType() == PostType.QUESTION ? DailySummary.QUESTIONS : DailySummary.ANSWERS,
                        e.brandId(), e.occurredAt(), null);
                }
            }
            case EventTypes.USER_REGISTERED -> summary.count(c, e.id(), DailySummary.MEMBERS, e.brandId(), e.occurredAt(), null);
            case EventTypes.COMPLAINT_PUBLISHED ->
                summary.count(c, e.id(), DailySummary.COMPLAINTS, e.brandId(), e.occurredAt(), null);
            case EventTypes.POST_REJECTED -> {
                PostRejected r = platform.events().read(e, PostRejected.class);
                aboutOwnPost(c, e, Kind.POST_REJECTED, r.postId(), r.authorId(), r.reason(), MODERATION_LINK);
            }
            case EventTypes.POST_HIDDEN -> {
                PostHidden h = platform.events().read(e, PostHidden.class);
                aboutOwnPost(c, e, Kind.POST_HIDDEN, h.postId(), h.authorId(), h.reason(), MODERATION_LINK);
            }
            case EventTypes.ANSWER_ACCEPTED -> {
                AnswerAccepted a = platform.events().read(e, AnswerAccepted.class);
                summary.count(c, e.id(), DailySummary.ACCEPTED, e.brandId(), e.occurredAt(), a.answerAuthorId());
                Draft d = draft(e, Kind.ANSWER_ACCEPTED, QUESTION, a.questionId(), questionLink(a.questionId()),
                    params("title", title(c, e.brandId(), a.questionId())));
                direct(c, e, d, a.answerAuthorId());
            }
            case EventTypes.COMPLAINT_RESPONDED -> {
                ComplaintResponded r = platform.events().read(e, ComplaintResponded.class);
                toComplainant(c, e, Kind.COMPLAINT_RESPONDED, r.complaintId(), Map.of());
            }
            case EventTypes.COMPLAINT_REOPENED -> {
                ComplaintReopened r = platform.events().read(e, ComplaintReopened.class);
                toStoreManagers(c, e, Kind.COMPLAINT_REOPENED, r.complaintId(), r.storeId());
            }
            case EventTypes.COMMENT_POSTED -> {
                CommentPosted p = platform.events().read(e, CommentPosted.class);
                if (p.publication() == PublicationState.PUBLISHED) {
                    commented(c, e, p.postId(), p.questionId(), p.postAuthorId(), p.authorId(), p.mentionedIds(), true);
                }
            }
            case EventTypes.COMMENT_EDITED -> {
                CommentEdited x = platform.events().read(e, CommentEdited.class);
                if (x.publication() == PublicationState.PUBLISHED) {
                    commented(c, e, x.postId(), x.questionId(), x.postAuthorId(), x.authorId(), x.newlyMentionedIds(), false);
                }
            }
            case EventTypes.COMMENT_MODERATED -> {
                CommentModerated m = platform.events().read(e, CommentModerated.class);
                // a held comment becomes public only now: it is news to the post's author and to whom it names
                if (m.from() == PublicationState.PENDING_REVIEW && m.publication() == PublicationState.PUBLISHED) {
                    commented(c, e, m.postId(), m.questionId(), m.postAuthorId(), m.authorId(), m.mentionedIds(), true);
                }
            }
            default -> plugins(c, e);
        }
        mailer.afterEvent(c, e.id(), clock.instant());
    }

    // ---- core events

    private void submitted(Connection c, DomainEvent e, PostSubmitted s) {
        followOwnPost(c, e, s.postType(), s.postId(), s.parentId(), s.authorId());
        if (s.publication() == PublicationState.PENDING_REVIEW) {
            // the pipeline held it, not its author: the author is the event's actor, yet this is news to them
            PostFacts post = platform.posts().post(c, e.brandId(), s.postId()).orElse(null);
            if (post != null) {
                Draft d = draft(e, Kind.POST_HELD, MEMBER, s.authorId(), MODERATION_LINK,
                    params("title", titleOf(c, e.brandId(), post), "reason", String.join("; ", s.notes())));
                store.notifyOne(c, d, s.authorId(), store.channel(c, e.brandId(), s.authorId(), Kind.POST_HELD));
            }
        }
    }

    private void published(Connection c, DomainEvent e, PostPublished p) {
        if (p.from() == PublicationState.PENDING_REVIEW) {
            aboutOwnPost(c, e, Kind.POST_APPROVED, p.postId(), p.authorId(), p.reason(), null);
        } else if (p.from() == PublicationState.HIDDEN) {
            aboutOwnPost(c, e, Kind.POST_RESTORED, p.postId(), p.authorId(), p.reason(), null);
            return;     // its followers heard of it when it was first published
        }
        long actor = e.actorId() == null ? p.authorId() : e.actorId();
        if (p.postType() == PostType.ANSWER && p.parentId() != null) {
            answerPosted(c, e, p, actor);
        } else if (p.postType() == PostType.QUESTION) {
            questionPosted(c, e, p, actor);
        }
    }

    /** To the asker ("your question") then to every other follower of the question. */
    private void answerPosted(Connection c, DomainEvent e, PostPublished p, long actor) {
        PostFacts question = platform.posts().post(c, e.brandId(), p.parentId()).orElse(null);
        if (question == null) {
            return;
        }
        Target target = Target.question(question.id());
        // questions asked before the plugin was installed: the asker follows them too
        store.followByDefault(c, e.brandId(), question.authorId(), target, "tracking", e.occurredAt());
        Draft d = draft(e, Kind.ANSWER_POSTED, QUESTION, question.id(), questionLink(question.id()),
            params("title", question.title()));
        long asker = question.authorId();
        if (asker != actor && asker != p.authorId() && !"muted".equals(store.level(c, asker, target).orElse(null))) {
            store.notifyOne(c, d.with(params("title", question.title(), "own", true)), asker,
                store.channel(c, e.brandId(), asker, Kind.ANSWER_POSTED));
        }
        fanOuts.start(c, d, List.of(target), List.of("watching", "tracking"),
            store.brandDefault(c, e.brandId(), Kind.ANSWER_POSTED), Set.copyOf(List.of(actor, p.authorId())), e.occurredAt());
    }

    private void questionPosted(Connection c, DomainEvent e, PostPublished p, long actor) {
        List<Target> targets = new ArrayList<>();
        if (p.topicId() != null) {
            platform.brands().topicById(c, e.brandId(), p.topicId()).ifPresent(t -> targets.add(new Target("topic", t.slug())));
        }
        if (p.storeId() != null) {
            platform.stores().byId(c, e.brandId(), p.storeId()).ifPresent(s -> targets.add(new Target("store", s.code())));
        }
        for (String tag : new LinkedHashSet<>(p.tags())) {
            targets.add(new Target("tag", tag));
        }
        String title = platform.posts().post(c, e.brandId(), p.postId()).map(PostFacts::title).orElse("");
        Draft d = draft(e, Kind.QUESTION_POSTED, QUESTION, p.postId(), questionLink(p.postId()), params("title", title));
        fanOuts.start(c, d, targets, List.of("watching"), store.brandDefault(c, e.brandId(), Kind.QUESTION_POSTED),
            Set.copyOf(List.of(actor, p.authorId())), e.occurredAt());
    }

    /**
     * A public comment: the members it names hear "mentioned", then the author of the post commented on hears
     * "comment" unless the comment named them too (one notification each). Nobody hears of their own comment, of a
     * comment on a post they muted, or of a post nobody may read any more (hidden or deleted since).
     */
    private void commented(Connection c, DomainEvent e, long postId, long questionId, long postAuthorId, long authorId,
                           List<Long> mentioned, boolean toPostAuthor) {
        if (platform.posts().publicPost(c, e.brandId(), postId).isEmpty()) {
            return;
        }
        String author = platform.members().member(c, e.brandId(), authorId).map(MemberFacts::pseudonym).orElse(null);
        Map<String, Object> values = params("title", title(c, e.brandId(), questionId), "author", author);
        Target thread = Target.question(questionId);
        Set<Long> told = new LinkedHashSet<>();
        told.add(authorId);
        for (long member : mentioned) {
            if (told.add(member)) {
                tell(c, e, draft(e, Kind.MEMBER_MENTIONED, QUESTION, questionId, questionLink(questionId), values), member,
                    thread);
            }
        }
        if (toPostAuthor && told.add(postAuthorId)) {
            tell(c, e, draft(e, Kind.COMMENT_POSTED, QUESTION, questionId, questionLink(questionId), values), postAuthorId,
                thread);
        }
    }

    /** One member of the brand, unless they muted the thread, at their channel. */
    private void tell(Connection c, DomainEvent e, Draft d, long member, Target thread) {
        if ("muted".equals(store.level(c, member, thread).orElse(null))) {
            return;
        }
        direct(c, e, d, member);
    }

    /** A follow an event makes dates from the event, as the fan-out compares follows with events' times. */
    private void followOwnPost(Connection c, DomainEvent e, PostType type, long postId, Long parentId, long author) {
        if (type == PostType.QUESTION) {
            store.followByDefault(c, e.brandId(), author, Target.question(postId), "tracking", e.occurredAt());
        } else if (type == PostType.ANSWER && parentId != null) {
            store.followByDefault(c, e.brandId(), author, Target.question(parentId), "tracking", e.occurredAt());
        }
    }

    /** A decision about the author's own post: approved, rejected, hidden, restored. */
    private void aboutOwnPost(Connection c, DomainEvent e, Kind kind, long postId, long author, String reason, String link) {
        PostFacts post = platform.posts().post(c, e.brandId(), postId).orElse(null);
        if (post == null) {
            return;
        }
        String where = link != null ? link : postLink(post);
        long thread = post.type() == PostType.ANSWER || post.type() == PostType.RESPONSE ? post.parentId() : post.id();
        String threadType = post.type() == PostType.COMPLAINT || post.type() == PostType.RESPONSE ? COMPLAINT : QUESTION;
        direct(c, e, draft(e, kind, threadType, thread, where, params("title", titleOf(c, e.brandId(), post),
            "reason", reason)), author);
    }

    // ---- complaints

    private void toComplainant(Connection c, DomainEvent e, Kind kind, long complaintId, Map<String, Object> extra) {
        PostFacts complaint = platform.posts().post(c, e.brandId(), complaintId).orElse(null);
        if (complaint == null || complaint.type() != PostType.COMPLAINT) {
            return;
        }
        Map<String, Object> p = new HashMap<>(extra);
        p.put("title", complaint.title());
        direct(c, e, draft(e, kind, COMPLAINT, complaintId, "/b/" + Draft.BRAND + "/complaints/" + complaintId, p),
            complaint.authorId());
    }

    /** To managers: the complaint's title and store, never who filed it. */
    private Draft managerDraft(Connection c, DomainEvent e, Kind kind, long complaintId, Long storeId, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(extra);
        p.put("title", platform.posts().post(c, e.brandId(), complaintId).map(PostFacts::title).orElse(""));
        if (storeId != null) {
            platform.stores().byId(c, e.brandId(), storeId).ifPresent(s -> p.put("store", s.name()));
        }
        return draft(e, kind, COMPLAINT, complaintId, MANAGER_LINK, p);
    }

    private void toStoreManagers(Connection c, DomainEvent e, Kind kind, long complaintId, Long storeId) {
        Long store = storeId != null ? storeId
            : platform.posts().post(c, e.brandId(), complaintId).map(PostFacts::storeId).orElse(null);
        if (store == null) {
            return;
        }
        Draft d = managerDraft(c, e, kind, complaintId, store, Map.of());
        for (MemberFacts m : platform.members().storeManagers(c, e.brandId(), store)) {
            direct(c, e, d, m.id());
        }
    }

    /** The plugins' events, each read as its record of the plugin's API package. */
    private void plugins(Connection c, DomainEvent e) {
        switch (e.type()) {
            case IncidentEvents.STATEMENT_PUBLISHED, IncidentEvents.RISE_DETECTED -> incidents.handle(c, e, clock.instant());
            case LocalManagerEvents.COMPLAINT_ASSIGNED -> {
                ComplaintAssigned a = platform.events().read(e, ComplaintAssigned.class);
                Map<String, Object> due = due(a.dueAt(), a.timeZone());
                Map<String, Object> sent = new HashMap<>(due);
                platform.stores().byId(c, e.brandId(), a.storeId()).ifPresent(s -> sent.put("store", s.name()));
                toComplainant(c, e, Kind.COMPLAINT_SENT, a.complaintId(), sent);
                if (a.managerId() != null) {
                    direct(c, e, managerDraft(c, e, Kind.COMPLAINT_ASSIGNED, a.complaintId(), a.storeId(), due), a.managerId());
                }
            }
            case LocalManagerEvents.COMPLAINT_REMINDER -> {
                ComplaintReminder r = platform.events().read(e, ComplaintReminder.class);
                Map<String, Object> extra = due(r.dueAt(), r.timeZone());
                extra.put("percent", r.percent());
                Draft d = managerDraft(c, e, Kind.COMPLAINT_REMINDER, r.complaintId(), r.storeId(), extra);
                if (r.managerId() != null) {
                    direct(c, e, d, r.managerId());
                } else {
                    for (MemberFacts m : platform.members().storeManagers(c, e.brandId(), r.storeId())) {
                        direct(c, e, d, m.id());
                    }
                }
            }
            case LocalManagerEvents.COMPLAINT_ESCALATED -> escalated(c, e, platform.events().read(e, ComplaintEscalated.class));
            case ModerationEvents.APPEAL_FILED -> {
                // moderators see the appeal in the queue: the notification says only that one waits
                AppealFiled a = platform.events().read(e, AppealFiled.class);
                Draft d = draft(e, Kind.APPEAL_FILED, "appeal", a.appealId(), QUEUE_LINK, Map.of());
                platform.members().withRole(c, e.brandId(), Role.MODERATOR, STAFF).forEach(m -> direct(c, e, d, m.id()));
            }
            case ModerationEvents.APPEAL_DECIDED -> {
                AppealDecided a = platform.events().read(e, AppealDecided.class);
                if (a.appellantId() > 0) {
                    direct(c, e, draft(e, Kind.APPEAL_DECIDED, "appeal", a.appealId(), MODERATION_LINK,
                        params("outcome", a.outcome() == null ? "" : a.outcome(), "reason", a.reason())), a.appellantId());
                }
            }
            case ModerationEvents.SANCTION_IMPOSED -> {
                SanctionImposed s = platform.events().read(e, SanctionImposed.class);
                direct(c, e, draft(e, Kind.SANCTION_IMPOSED, MEMBER, s.userId(), MODERATION_LINK, params("kind",
                    s.kind() == null ? "" : s.kind(), "reason", s.reason(), "endsAt", s.endsAt())), s.userId());
            }
            case ModerationEvents.REVIEW_OVERDUE -> {
                ReviewOverdue o = platform.events().read(e, ReviewOverdue.class);
                Draft d = draft(e, Kind.REVIEW_OVERDUE, "review", o.itemId(), QUEUE_LINK, Map.of());
                platform.members().withRole(c, e.brandId(), Role.MODERATOR, STAFF).forEach(m -> direct(c, e, d, m.id()));
            }
            case KnowledgeEvents.ARTICLE_REVIEW_DUE -> {
                // its owner keeps the article true: the notification leads to their list of articles to review
                ArticleReviewDue r = platform.events().read(e, ArticleReviewDue.class);
                direct(c, e, draft(e, Kind.ARTICLE_REVIEW_DUE, "article", r.articleId(), "/b/" + Draft.BRAND
                    + "/knowledge/reviews", params("title", r.title(), "reviewOn", r.reviewOn())), r.ownerId());
            }
            case LocalManagerEvents.COMPLAINT_DELEGATED -> {
                ComplaintDelegated d = platform.events().read(e, ComplaintDelegated.class);
                if (d.managerId() != null) {
                    direct(c, e, managerDraft(c, e, Kind.COMPLAINT_DELEGATED, d.complaintId(), d.storeId(), Map.of()),
                        d.managerId());
                }
            }
            case LocalManagerEvents.DETAILS_REQUESTED -> toComplainant(c, e, Kind.COMPLAINT_DETAILS_REQUESTED,
                platform.events().read(e, DetailsRequested.class).complaintId(), Map.of());
            case LocalManagerEvents.DETAILS_GIVEN -> toStoreManagers(c, e, Kind.COMPLAINT_DETAILS_GIVEN,
                platform.events().read(e, DetailsGiven.class).complaintId(), null);
            case BadgeEvents.BADGE_AWARDED -> {
                BadgeAwarded b = platform.events().read(e, BadgeAwarded.class);
                Draft d = draft(e, Kind.BADGE_AWARDED, MEMBER, b.userId(), "/b/" + Draft.BRAND + "/users/" + b.userId(),
                    params("badge", b.badge() == null ? "" : b.badge(), "tier", b.tier() == null ? "" : b.tier()));
                direct(c, e, d, b.userId());
            }
            default -> {
                // an event type this version does not know: nothing to tell
            }
        }
    }

    /**
     * The region's managers now answer, or at the head office the brand's central team (its admins). A hand-over
     * (the event has an actor) is no lateness; the store's deadline passing is.
     */
    private void escalated(Connection c, DomainEvent e, ComplaintEscalated x) {
        String to = "central".equals(x.to()) ? "central" : "region";
        if ("region".equals(to) && e.actorId() == null) {
            summary.count(c, e.id(), DailySummary.LATE, e.brandId(), e.occurredAt(), null);
        }
        toComplainant(c, e, Kind.COMPLAINT_ESCALATED, x.complaintId(), Map.of("to", to));
        Map<String, Object> extra = due(x.dueAt(), x.timeZone());
        extra.put("to", to);
        Draft d = managerDraft(c, e, Kind.COMPLAINT_ESCALATED_TO_ME, x.complaintId(), x.storeId(), extra);
        List<Long> recipients = new ArrayList<>();
        if ("region".equals(to)) {
            if (x.managerIds() != null) {
                recipients.addAll(x.managerIds());
            }
        } else {
            platform.members().withRole(c, e.brandId(), Role.BRAND_ADMIN, STAFF).forEach(m -> recipients.add(m.id()));
        }
        recipients.forEach(id -> direct(c, e, d, id));
    }

    /** The deadline, in the store's own time as its opening hours count it; UTC (and said so) for an event without it. */
    private static Map<String, Object> due(String dueAt, String timeZone) {
        Map<String, Object> due = new HashMap<>();
        if (dueAt != null) {
            due.put("dueAt", dueAt);
            due.put("zone", timeZone != null ? timeZone : "UTC");
        }
        return due;
    }

    // ---- helpers

    /** One recipient, never the actor, at their channel. */
    private void direct(Connection c, DomainEvent e, Draft d, long recipient) {
        if (e.actorId() != null && e.actorId() == recipient) {
            return;
        }
        if (platform.members().member(c, e.brandId(), recipient).isEmpty()) {
            return;
        }
        store.notifyOne(c, d, recipient, store.channel(c, e.brandId(), recipient, d.kind()));
    }

    private Draft draft(DomainEvent e, Kind kind, String threadType, long threadId, String link, Map<String, Object> params) {
        Instant at = clock.instant();
        return new Draft(e.brandId(), kind, e.id(), threadType, threadId, link, params, at);
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private String title(Connection c, long brandId, long postId) {
        return platform.posts().post(c, brandId, postId).map(PostFacts::title).orElse("");
    }

    /** An answer or a response has no title of its own: its question's or complaint's. */
    private String titleOf(Connection c, long brandId, PostFacts post) {
        if (post.title() != null && !post.title().isBlank()) {
            return post.title();
        }
        return post.parentId() == null ? "" : title(c, brandId, post.parentId());
    }

    private static String questionLink(long id) {
        return "/b/" + Draft.BRAND + "/questions/" + id;
    }

    private static String postLink(PostFacts post) {
        return switch (post.type()) {
            case QUESTION -> questionLink(post.id());
            case ANSWER -> questionLink(post.parentId());
            case COMPLAINT -> "/b/" + Draft.BRAND + "/complaints/" + post.id();
            case RESPONSE -> "/b/" + Draft.BRAND + "/complaints/" + post.parentId();
        };
    }
}
