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

    @AttributeDefinition(name = "Points to the author of a post moderation rejects (negative; given back if an appeal overturns it)")
    int points_post_rejected() default -5;

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

    @AttributeDefinition(name = "Reputation needed to close a question as a duplicate of another")
    int privilege_close_duplicate() default 3000;

    @AttributeDefinition(name = "Attempts at applying an event before it is parked as a dead letter")
    int events_max_attempts() default 10;

    @AttributeDefinition(name = "Votes of accounts younger than this, in hours, do not count (0: any age counts)")
    int newaccount_min_age_hours() default 24;

    @AttributeDefinition(name = "Votes of members below the vote-up (or vote-down) threshold when they vote do not count")
    boolean newaccount_require_privilege() default true;

    @AttributeDefinition(name = "Serial voting: more than this many votes from one member to another...")
    int serial_burst_votes() default 10;

    @AttributeDefinition(name = "...within this many hours")
    int serial_burst_hours() default 24;

    @AttributeDefinition(name = "Serial voting: or more than this percentage of a member's votes going to one author...")
    int serial_share_percent() default 50;

    @AttributeDefinition(name = "...over this many days...")
    int serial_share_days() default 30;

    @AttributeDefinition(name = "...when the member cast at least this many votes in them")
    int serial_share_min_votes() default 20;

    @AttributeDefinition(name = "Minutes between two runs of the job that reverses serial voting (0: never)")
    int serial_check_minutes() default 60;

    @AttributeDefinition(name = "Voting rings: groups of at least this many members...")
    int ring_min_size() default 3;

    @AttributeDefinition(name = "...each with more than this percentage of their votes inside the group...")
    int ring_share_percent() default 80;

    @AttributeDefinition(name = "...over this many days...")
    int ring_days() default 30;

    @AttributeDefinition(name = "...and at least this many votes each")
    int ring_min_votes() default 5;
}
