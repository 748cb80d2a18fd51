package org.entraide.core.internal.post;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.entraide.jdbc.Sql;

/**
 * What a thread's view shows beside its rows, read for all its posts at once: the authors' pseudonyms, the edits'
 * counts and who made the last, the reader's own votes. A fixed number of statements whatever the number of answers
 * (one per kind of fact and chunk of 500 posts), none for facts nobody needs (no edit, an anonymous reader).
 */
final class ThreadFacts {
    private static final int CHUNK = 500;

    private final Map<Long, String> pseudonyms;
    private final Map<Long, int[]> revisions;
    private final Map<Long, Integer> myVotes;
    private final Long me;

    private ThreadFacts(Map<Long, String> pseudonyms, Map<Long, int[]> revisions, Map<Long, Integer> myVotes, Long me) {
        this.pseudonyms = pseudonyms;
        this.revisions = revisions;
        this.myVotes = myVotes;
        this.me = me;
    }

    static ThreadFacts of(Connection c, List<PostRow> posts, Long me) {
        Map<Long, String> pseudonyms = new HashMap<>();
        in(c, "SELECT id, pseudonym FROM app_user WHERE id IN (%s)", posts.stream().map(PostRow::authorId).toList(), List.of(),
            rs -> pseudonyms.put(rs.getLong(1), rs.getString(2)));
        // {last revision, by a moderator}: posts never edited have no revision row and are not asked for
        Map<Long, int[]> revisions = new HashMap<>();
        in(c, "SELECT post_id, revision, by_moderator FROM post_revision WHERE post_id IN (%s) ORDER BY post_id, revision",
            posts.stream().filter(p -> p.editedAt() != null).map(PostRow::id).toList(), List.of(),
            rs -> revisions.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getBoolean(3) ? 1 : 0}));
        Map<Long, Integer> votes = new HashMap<>();
        if (me != null) {
            in(c, "SELECT post_id, vote_value FROM vote WHERE user_id = ? AND post_id IN (%s)",
                posts.stream().map(PostRow::id).toList(), List.of(me), rs -> votes.put(rs.getLong(1), rs.getInt(2)));
        }
        return new ThreadFacts(pseudonyms, revisions, votes, me);
    }

    Views.Author author(long userId) {
        return new Views.Author(userId, pseudonyms.getOrDefault(userId, "?"));
    }

    /** As {@link PostEdits#changes}: 1 version when never edited. */
    Views.Changes changes(PostRow p) {
        int[] last = revisions.get(p.id());
        return new Views.Changes(p.editedAt(), last == null ? 1 : Math.max(1, last[0]),
            p.editedAt() != null && last != null && last[1] == 1, p.isDeleted());
    }

    /** The reader's vote on the post (0 for none), null for an anonymous reader. */
    Integer myVote(long postId) {
        return me == null ? null : myVotes.getOrDefault(postId, 0);
    }

    private interface Row {
        void read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private static void in(Connection c, String sql, Collection<Long> ids, List<Object> before, Row row) {
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(before);
            params.addAll(chunk);
            Sql.list(c, String.format(sql, String.join(", ", Collections.nCopies(chunk.size(), "?"))), rs -> {
                row.read(rs);
                return Boolean.TRUE;
            }, params.toArray());
        }
    }
}
