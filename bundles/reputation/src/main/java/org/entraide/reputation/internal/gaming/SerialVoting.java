package org.entraide.reputation.internal.gaming;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.entraide.reputation.internal.events.VoteJournal;
import org.entraide.reputation.internal.events.VoteJournal.JournalVote;

/** Finds pairs of members where one votes for the other far more than chance would have it. */
public final class SerialVoting {
    /** A voter and the author they vote for, the pattern they match, and the votes concerned. */
    public record Suspect(long brandId, long voterId, long authorId, String pattern, int votes, int voterVotes,
                          List<Long> postIds) {
        public Suspect {
            postIds = List.copyOf(postIds);
        }
    }

    public static final String BURST = "burst";
    public static final String SHARE = "share";

    private final VoteJournal journal;
    private volatile SerialVotingRules rules;

    public SerialVoting(VoteJournal journal, SerialVotingRules rules) {
        this.journal = journal;
        this.rules = rules;
    }

    public void setRules(SerialVotingRules rules) {
        this.rules = rules;
    }

    public SerialVotingRules rules() {
        return rules;
    }

    /** The suspects among the brand's standing votes, most votes first. */
    public List<Suspect> suspects(Connection c, long brandId, Instant now) {
        SerialVotingRules r = rules;
        Map<Long, List<JournalVote>> byVoter = journal.since(c, brandId, now.minus(r.lookBack())).stream()
            .collect(Collectors.groupingBy(JournalVote::voterId, LinkedHashMap::new, Collectors.toList()));
        List<Suspect> out = new ArrayList<>();
        for (List<JournalVote> cast : byVoter.values()) {
            List<JournalVote> recent = cast.stream().filter(v -> !v.votedAt().isBefore(now.minus(r.shareWindow()))).toList();
            Map<Long, List<JournalVote>> byAuthor = cast.stream()
                .collect(Collectors.groupingBy(JournalVote::authorId, LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<Long, List<JournalVote>> pair : byAuthor.entrySet()) {
                List<JournalVote> votes = pair.getValue();
                long toAuthor = recent.stream().filter(v -> v.authorId() == pair.getKey()).count();
                JournalVote first = votes.get(0);
                if (maxInWindow(votes, r) > r.burstVotes()) {
                    out.add(suspect(brandId, first, BURST, votes, cast.size()));
                } else if (recent.size() >= r.shareMinVotes() && toAuthor * 100 > (long) r.sharePercent() * recent.size()) {
                    out.add(suspect(brandId, first, SHARE, votes, recent.size()));
                }
            }
        }
        out.sort(Comparator.comparingInt(Suspect::votes).reversed());
        return out;
    }

    /** The most votes that fall within one burst window (votes are sorted by time). */
    private static int maxInWindow(List<JournalVote> votes, SerialVotingRules r) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < votes.size(); end++) {
            while (votes.get(end).votedAt().minus(r.burstWindow()).compareTo(votes.get(start).votedAt()) >= 0) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    private static Suspect suspect(long brandId, JournalVote first, String pattern, List<JournalVote> votes, int voterVotes) {
        return new Suspect(brandId, first.voterId(), first.authorId(), pattern, votes.size(), voterVotes,
            votes.stream().map(JournalVote::postId).toList());
    }
}
