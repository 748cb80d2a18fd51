package org.entraide.reputation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code org.entraide.reputation} configuration (etc/org.entraide.reputation.cfg): the default points table
 * and privilege thresholds, which each brand may override through the API, and the anti-gaming limits.
 */
@ObjectClassDefinition(name = "Entraide reputation", description = "Points, privileges and anti-gaming rules of reputation")
public @interface ReputationConfig {
    @AttributeDefinition(name = "Points to the author of an answer voted up")
    int points_answer_upvoted() default 10;

    @AttributeDefinition(name = "Points to the author of a question voted up")
    int points_question_upvoted() default 5;

    @AttributeDefinition(name = "Points to the author of an accepted answer")
    int points_answer_accepted() default 15;

    @AttributeDefinition(name = "Points to the asker who accepts an answer")
    int points_acceptance_given() default 2;

    @AttributeDefinition(name = "Points to the author of a post voted down (negative)")
    int points_post_downvoted() default -2;

    @AttributeDefinition(name = "Points to a member who votes an answer down (negative)")
    int points_downvote_given() default -1;

    @AttributeDefinition(name = "Most points a member earns from upvotes in one UTC day (accepted answers are exempt)")
    int points_daily_cap() default 200;

    @AttributeDefinition(name = "Reputation needed to vote up")
    int privilege_vote_up() default 15;

    @AttributeDefinition(name = "Reputation needed to flag a post")
    int privilege_flag() default 15;

    @AttributeDefinition(name = "Reputation needed to comment")
    int privilege_comment() default 50;

    @AttributeDefinition(name = "Reputation needed to access the review queue")
    int privilege_review_queue() default 500;

    @AttributeDefinition(name = "Reputation needed to vote down")
    int privilege_vote_down() default 125;

    @AttributeDefinition(name = "Reputation needed to see up and down vote counts")
    int privilege_see_vote_counts() default 1000;

    @AttributeDefinition(name = "Reputation needed to edit other members' posts")
    int privilege_edit_others_posts() default 2000;

    @AttributeDefinition(name = "Attempts at applying an event before it is parked as a dead letter")
    int events_max_attempts() default 10;
}
