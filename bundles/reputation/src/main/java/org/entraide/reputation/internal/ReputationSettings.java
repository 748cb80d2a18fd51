package org.entraide.reputation.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.entraide.reputation.internal.gaming.RingRules;
import org.entraide.reputation.internal.gaming.SerialVotingRules;
import org.entraide.reputation.internal.gaming.VoteCounting;
import org.entraide.reputation.internal.rules.PointsTable;
import org.entraide.reputation.internal.rules.Privilege;
import org.entraide.reputation.internal.rules.Rule;
import org.entraide.reputation.internal.rules.Thresholds;

/** The configured defaults, checked: an invalid value fails activation with the name of its key. */
public record ReputationSettings(PointsTable points, Thresholds thresholds, int maxAttempts, VoteCounting voteCounting,
                                 SerialVotingRules serialVoting, Duration serialCheckPeriod, RingRules rings) {
    public ReputationSettings {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(serialVoting, "serialVoting");
        Objects.requireNonNull(rings, "rings");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("events.max.attempts must be at least 1");
        }
        Objects.requireNonNull(voteCounting, "voteCounting");
        if (serialCheckPeriod.isNegative()) {
            throw new IllegalArgumentException("serial.check.minutes must not be negative");
        }
    }

    public ReputationSettings withVoteCounting(VoteCounting counting) {
        return new ReputationSettings(points, thresholds, maxAttempts, counting, serialVoting, serialCheckPeriod, rings);
    }

    public ReputationSettings withSerialVoting(SerialVotingRules rules, Duration checkPeriod) {
        return new ReputationSettings(points, thresholds, maxAttempts, voteCounting, rules, checkPeriod, rings);
    }

    public ReputationSettings withRings(RingRules rules) {
        return new ReputationSettings(points, thresholds, maxAttempts, voteCounting, serialVoting, serialCheckPeriod, rules);
    }

    public ReputationSettings withThresholds(Thresholds t) {
        return new ReputationSettings(points, t, maxAttempts, voteCounting, serialVoting, serialCheckPeriod, rings);
    }

    /** The configuration key of a rule, such as points.answer.upvoted. */
    public static String key(Rule rule) {
        return "points." + rule.code().replace('-', '.');
    }

    public static String key(Privilege privilege) {
        return "privilege." + privilege.code().replace('-', '.');
    }

    public static ReputationSettings defaults() {
        return of(defaultConfig());
    }

    static ReputationSettings of(ReputationConfig c) {
        Map<Rule, Integer> points = new EnumMap<>(Rule.class);
        points.put(Rule.ANSWER_UPVOTED, c.points_answer_upvoted());
        points.put(Rule.QUESTION_UPVOTED, c.points_question_upvoted());
        points.put(Rule.ANSWER_ACCEPTED, c.points_answer_accepted());
        points.put(Rule.ACCEPTANCE_GIVEN, c.points_acceptance_given());
        points.put(Rule.POST_DOWNVOTED, c.points_post_downvoted());
        points.put(Rule.DOWNVOTE_GIVEN, c.points_downvote_given());
        points.put(Rule.POST_REJECTED, c.points_post_rejected());
        Map<Privilege, Integer> thresholds = new EnumMap<>(Privilege.class);
        thresholds.put(Privilege.VOTE_UP, c.privilege_vote_up());
        thresholds.put(Privilege.FLAG, c.privilege_flag());
        thresholds.put(Privilege.COMMENT, c.privilege_comment());
        thresholds.put(Privilege.REVIEW_QUEUE, c.privilege_review_queue());
        thresholds.put(Privilege.VOTE_DOWN, c.privilege_vote_down());
        thresholds.put(Privilege.SEE_VOTE_COUNTS, c.privilege_see_vote_counts());
        thresholds.put(Privilege.EDIT_OTHERS_POSTS, c.privilege_edit_others_posts());
        thresholds.put(Privilege.CLOSE_DUPLICATE, c.privilege_close_duplicate());
        for (Map.Entry<Rule, Integer> p : points.entrySet()) {
            if (Math.abs(p.getValue()) > PointsTable.MAX_ABS_POINTS) {
                throw new IllegalArgumentException(key(p.getKey()) + " must be between -" + PointsTable.MAX_ABS_POINTS
                    + " and " + PointsTable.MAX_ABS_POINTS + ": " + p.getValue());
            }
        }
        if (c.points_daily_cap() < 1) {
            throw new IllegalArgumentException("points.daily.cap must be at least 1: " + c.points_daily_cap());
        }
        for (Map.Entry<Privilege, Integer> t : thresholds.entrySet()) {
            if (t.getValue() < 1) {
                throw new IllegalArgumentException(key(t.getKey()) + " must be at least 1: " + t.getValue());
            }
        }
        return new ReputationSettings(new PointsTable(points, c.points_daily_cap()), new Thresholds(thresholds),
            c.events_max_attempts(), new VoteCounting(Duration.ofHours(c.newaccount_min_age_hours()),
                c.newaccount_require_privilege()),
            new SerialVotingRules(c.serial_burst_votes(), Duration.ofHours(c.serial_burst_hours()), c.serial_share_percent(),
                Duration.ofDays(c.serial_share_days()), c.serial_share_min_votes()),
            Duration.ofMinutes(c.serial_check_minutes()),
            new RingRules(c.ring_min_size(), c.ring_share_percent(), Duration.ofDays(c.ring_days()), c.ring_min_votes()));
    }

    /** The annotation's defaults, for tests and for the component before any configuration exists. */
    static ReputationConfig defaultConfig() {
        return (ReputationConfig) java.lang.reflect.Proxy.newProxyInstance(ReputationConfig.class.getClassLoader(),
            new Class<?>[] {ReputationConfig.class}, (proxy, method, args) -> method.getDefaultValue());
    }
}
