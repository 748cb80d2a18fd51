package org.entraide.reputation.internal.gaming;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.entraide.reputation.internal.events.VoteJournal;
import org.entraide.reputation.internal.events.VoteJournal.JournalVote;

/**
 * Finds groups of members who vote mostly for each other. Members who voted enough are linked when one voted
 * for the other; in each linked group, members whose votes mostly go outside the group are dropped until the
 * group is stable; what remains, if big enough, is reported. Moderators judge: nothing is reversed.
 */
public final class VotingRings {
    /** A member of a ring: their votes over the window and the share of them that went to the ring. */
    public record RingMember(long userId, int votes, int percentInside) {
    }

    /** A suspected ring, its members by id. */
    public record Ring(List<RingMember> members) {
        public Ring {
            members = List.copyOf(members);
        }
    }

    private final VoteJournal journal;
    private volatile RingRules rules;

    public VotingRings(VoteJournal journal, RingRules rules) {
        this.journal = journal;
        this.rules = rules;
    }

    public void setRules(RingRules rules) {
        this.rules = rules;
    }

    public List<Ring> find(Connection c, long brandId, Instant now) {
        RingRules r = rules;
        Map<Long, Map<Long, Integer>> given = new HashMap<>();
        for (JournalVote v : journal.since(c, brandId, now.minus(r.window()))) {
            given.computeIfAbsent(v.voterId(), k -> new HashMap<>()).merge(v.authorId(), 1, Integer::sum);
        }
        Set<Long> active = new HashSet<>();
        given.forEach((voter, authors) -> {
            if (total(authors) >= r.minVotes()) {
                active.add(voter);
            }
        });
        List<Ring> rings = new ArrayList<>();
        for (Set<Long> group : linkedGroups(active, given)) {
            Set<Long> ring = prune(group, given, r.sharePercent());
            if (ring.size() >= r.minSize()) {
                rings.add(new Ring(ring.stream().map(m -> new RingMember(m, total(given.get(m)),
                    100 * inside(given.get(m), ring) / total(given.get(m)))).toList()));
            }
        }
        rings.sort(Comparator.comparingInt((Ring g) -> g.members().size()).reversed());
        return rings;
    }

    /** Active voters linked by a vote in either direction. */
    private static List<Set<Long>> linkedGroups(Set<Long> active, Map<Long, Map<Long, Integer>> given) {
        Map<Long, Set<Long>> links = new HashMap<>();
        for (long voter : active) {
            for (long author : given.get(voter).keySet()) {
                if (active.contains(author) && author != voter) {
                    links.computeIfAbsent(voter, k -> new HashSet<>()).add(author);
                    links.computeIfAbsent(author, k -> new HashSet<>()).add(voter);
                }
            }
        }
        List<Set<Long>> groups = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long start : new TreeSet<>(links.keySet())) {
            if (seen.add(start)) {
                Set<Long> group = new TreeSet<>();
                Deque<Long> todo = new ArrayDeque<>(List.of(start));
                while (!todo.isEmpty()) {
                    long m = todo.pop();
                    group.add(m);
                    for (long next : links.getOrDefault(m, Set.of())) {
                        if (seen.add(next)) {
                            todo.push(next);
                        }
                    }
                }
                groups.add(group);
            }
        }
        return groups;
    }

    /** Drops, until none is left to drop, the members whose share of votes inside the group is not above the limit. */
    private static Set<Long> prune(Set<Long> group, Map<Long, Map<Long, Integer>> given, int sharePercent) {
        Set<Long> ring = new TreeSet<>(group);
        boolean changed = true;
        while (changed && !ring.isEmpty()) {
            // judged against the group as it stood at the start of the pass, then dropped together
            List<Long> outward = ring.stream()
                .filter(m -> 100L * inside(given.get(m), ring) <= (long) sharePercent * total(given.get(m))).toList();
            changed = ring.removeAll(outward);
        }
        return ring;
    }

    private static int inside(Map<Long, Integer> authors, Set<Long> ring) {
        return authors.entrySet().stream().filter(e -> ring.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private static int total(Map<Long, Integer> authors) {
        return authors.values().stream().mapToInt(Integer::intValue).sum();
    }
}
