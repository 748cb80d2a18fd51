package org.entraide.notifications.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of notification, by their stable names (used in preferences, defaults and templates), with the channel
 * a brand gets until its admin chooses another.
 */
public enum Kind {
    ANSWER_POSTED("answer.posted", Channel.EMAIL),
    ANSWER_ACCEPTED("answer.accepted", Channel.EMAIL),
    COMMENT_POSTED("comment.posted", Channel.EMAIL),
    MEMBER_MENTIONED("member.mentioned", Channel.EMAIL),
    POST_HELD("post.held", Channel.EMAIL),
    POST_APPROVED("post.approved", Channel.EMAIL),
    POST_REJECTED("post.rejected", Channel.EMAIL),
    POST_HIDDEN("post.hidden", Channel.EMAIL),
    POST_RESTORED("post.restored", Channel.EMAIL),
    BADGE_AWARDED("badge.awarded", Channel.APP),
    QUESTION_POSTED("question.posted", Channel.DAILY),
    COMPLAINT_SENT("complaint.sent", Channel.EMAIL),
    COMPLAINT_RESPONDED("complaint.responded", Channel.EMAIL),
    COMPLAINT_DETAILS_REQUESTED("complaint.details-requested", Channel.EMAIL),
    COMPLAINT_ESCALATED("complaint.escalated", Channel.EMAIL),
    COMPLAINT_ASSIGNED("complaint.assigned", Channel.EMAIL),
    COMPLAINT_REMINDER("complaint.reminder", Channel.EMAIL),
    COMPLAINT_DELEGATED("complaint.delegated", Channel.EMAIL),
    COMPLAINT_REOPENED("complaint.reopened", Channel.EMAIL),
    COMPLAINT_DETAILS_GIVEN("complaint.details-given", Channel.EMAIL),
    COMPLAINT_ESCALATED_TO_ME("complaint.escalated-to-me", Channel.EMAIL),
    APPEAL_FILED("appeal.filed", Channel.EMAIL),
    APPEAL_DECIDED("appeal.decided", Channel.EMAIL),
    SANCTION_IMPOSED("sanction.imposed", Channel.EMAIL),
    REVIEW_OVERDUE("review.overdue", Channel.EMAIL),
    ARTICLE_REVIEW_DUE("article.review-due", Channel.EMAIL),
    SUMMARY_DAILY("summary.daily", Channel.EMAIL),
    BROADCAST("broadcast", Channel.EMAIL),
    INCIDENT_STATEMENT("incident.statement", Channel.EMAIL),
    INCIDENT_UPDATE("incident.update", Channel.EMAIL),
    INCIDENT_RISE("incident.rise", Channel.EMAIL);

    public static final List<Kind> ALL = List.of(values());

    private final String key;
    private final Channel builtInDefault;

    Kind(String key, Channel builtInDefault) {
        this.key = key;
        this.builtInDefault = builtInDefault;
    }

    public String key() {
        return key;
    }

    public Channel builtInDefault() {
        return builtInDefault;
    }

    /** Null for an unknown name. */
    public static Kind of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst().orElse(null);
    }
}
