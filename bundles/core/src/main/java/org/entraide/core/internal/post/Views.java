package org.entraide.core.internal.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API shows of posts. A complainant is never identified by more than a pseudonym they chose to show. */
public final class Views {
    /** The public face of an author: pseudonym only, never the e-mail. */
    public record Author(long id, String pseudonym) {
    }

    public record TopicRef(String slug, String name) {
    }

    public record StoreRef(String code, String name, String city, String postalCode) {
    }

    /** {@code store}: the store the question is about, when its author chose one; null otherwise. */
    public record QuestionSummary(long id, String title, String excerpt, TopicRef topic, StoreRef store, List<String> tags, Author author,
                                  boolean official, int score, int answerCount, boolean answered, Long acceptedAnswerId,
                                  String publication, Instant createdAt) {
    }

    /**
     * What a post's edits and deletion add to its view: {@code editedAt} (null when never edited), how many versions it
     * has (1 when never edited), whether the last edit was a moderator's, and {@code deleted} (its author deleted it:
     * title and body are then empty, and pages show "deleted by its author").
     */
    public record Changes(Instant editedAt, int revisionCount, boolean editedByModerator, boolean deleted) {
    }

    /** A post as its edit left it. */
    public record EditedPost(long id, String postType, String title, String body, String bodyHtml, String publication,
                             Instant editedAt, int revisionCount, boolean editedByModerator) {
    }

    /** One version of a post's text; {@code editor} is null for a complaint's (its author is never named). */
    public record Revision(int revision, String title, String body, String bodyHtml, Author editor, boolean byModerator,
                           Instant createdAt) {
    }

    /** A post's versions, oldest first. */
    public record Revisions(List<Revision> items) {
        public Revisions {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code expert}: the author is an expert of the question's topic (badges plugin), shown next to the answer.
     * {@code staffNote}: the brand's official note on the answer, shown above it, or null.
     */
    public record AnswerView(long id, String body, String bodyHtml, Author author, boolean official, boolean expert, int score,
                             int upVotes, int downVotes, boolean accepted, String publication, Integer myVote,
                             Instant createdAt, Instant updatedAt, Instant editedAt, int revisionCount,
                             boolean editedByModerator, boolean deleted, StaffNotes.StaffNoteView staffNote,
                             CommentList comments) {
    }

    /**
     * A comment on a question or answer. {@code body}: its Markdown; {@code bodyHtml}: rendered (inline only, mentions
     * as links to profiles) and sanitized. {@code publication}: PUBLISHED, PENDING_REVIEW (its author and moderators
     * see it) or HIDDEN (moderators only). {@code mine}: the reader wrote it (and may edit or delete it);
     * {@code questionId}: its thread (the question, or the answer's question).
     */
    public record CommentView(long id, long postId, long questionId, String body, String bodyHtml, Author author, String publication,
                              Instant createdAt, Instant editedAt, boolean mine, List<Author> mentions) {
    }

    /** The first comments of a post, oldest first, and how many the reader may see in all ({@code total}). */
    public record CommentList(List<CommentView> items, int total) {
        public CommentList {
            items = List.copyOf(items);
        }

        public static final CommentList NONE = new CommentList(List.of(), 0);
    }

    /** A member as the @mention autocomplete shows them: pseudonym only. */
    public record MemberRef(long id, String pseudonym) {
    }

    /** Members whose pseudonym starts with the prefix asked. */
    public record MemberRefs(List<MemberRef> items) {
        public MemberRefs {
            items = List.copyOf(items);
        }
    }

    public record QuestionView(long id, String title, String body, String bodyHtml, TopicRef topic, StoreRef store, List<String> tags,
                               Author author, boolean official, int score, int upVotes, int downVotes,
                               int answerCount, Long acceptedAnswerId, String publication, Integer myVote,
                               Instant createdAt, Instant updatedAt, List<AnswerView> answers, Instant editedAt,
                               int revisionCount, boolean editedByModerator, boolean deleted, CommentList comments,
                               Duplicates.Original duplicateOf, boolean mayCloseAsDuplicate) {
    }

    /**
     * {@code label}: how the response is introduced, in French and English ("Réponse officielle — magasin de Lyon
     * Part-Dieu"), or the label of the voice a plugin granted its author, stored with it ("Réponse officielle — région Sud-Est").
     */
    public record ResponseView(long id, String body, String bodyHtml, Author author, boolean official,
                               StoreRef store, Map<String, String> label, Instant createdAt) {
        static Map<String, String> label(StoreRef store) {
            return store == null ? Map.of("fr", "Réponse officielle", "en", "Official response")
                : Map.of("fr", "Réponse officielle — magasin de " + store.name(), "en", "Official response — " + store.name() + " store");
        }
    }

    /** {@code author} is null unless the complainant chose to show their pseudonym; {@code mine} tells the author it is theirs. */
    public record ComplaintView(long id, String title, String body, String bodyHtml, StoreRef store, String status,
                                Author author, boolean mine, Integer rating, Boolean wouldBuyAgain, Instant evaluatedAt,
                                String publication, Instant createdAt, Instant updatedAt, List<ResponseView> responses,
                                Instant editedAt, int revisionCount, boolean deleted) {
    }

    public record ComplaintSummary(long id, String title, String excerpt, StoreRef store, String status, Author author,
                                   int responseCount, Integer rating, Instant createdAt) {
    }

    public record VoteResult(long postId, int score, int upVotes, int downVotes, int myVote) {
    }

    private Views() {
    }

    /** The first 200 characters of a body, on one line, for lists. */
    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }
}
