package org.entraide.api.knowledge;

/**
 * Events the knowledge plugin appends, in the transaction of the change they describe, for brands that enabled the
 * {@value #CAPABILITY} capability.
 */
public final class KnowledgeEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "knowledge";
    /** The subject type of events about an article (its id). */
    public static final String SUBJECT_ARTICLE = "article";

    /** An article became public or changed while public: indexes read it again ({@link Articles#published}). */
    public static final String ARTICLE_PUBLISHED = "article.published";
    /** A public article went back to draft or was deleted: indexes drop it. */
    public static final String ARTICLE_WITHDRAWN = "article.withdrawn";
    /** A post became an article; its author is credited with the points the brand set. Subject: the contributor. */
    public static final String ARTICLE_PROMOTED = "article.promoted";
    /** An article reached its review date; its owner should check it. Subject: the owner. */
    public static final String ARTICLE_REVIEW_DUE = "article.review-due";

    private KnowledgeEvents() {
    }
}
