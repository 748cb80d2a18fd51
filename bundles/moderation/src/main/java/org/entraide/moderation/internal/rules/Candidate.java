package org.entraide.moderation.internal.rules;

/**
 * A text on its way to publication, with what the rules may ask about its author.
 *
 * @param postType         QUESTION, ANSWER, COMPLAINT or RESPONSE
 * @param authorPosts      posts the author published before this one
 * @param accountAgeHours  hours since the author registered
 * @param postsLastHour    posts the author submitted in the last hour
 * @param sameTextLastDay  posts of the author with this very body in the last 24 hours
 * @param topicExpert      the author is an expert of the post's topic
 * @param reputation       the author's reputation, null when the brand has no reputation (the plugin absent or off)
 */
public record Candidate(String postType, String title, String body, long authorPosts, long accountAgeHours,
                        long postsLastHour, long sameTextLastDay, boolean topicExpert, Integer reputation) {
    public Candidate(String postType, String title, String body, long authorPosts, long accountAgeHours, long postsLastHour,
                     long sameTextLastDay) {
        this(postType, title, body, authorPosts, accountAgeHours, postsLastHour, sameTextLastDay, false, null);
    }

    /** A text alone, for the dry run of an anonymous tester: a seasoned author, no history. */
    public static Candidate text(String postType, String title, String body) {
        return new Candidate(postType, title, body, 1000, 24 * 365, 0, 0, false, null);
    }
}
