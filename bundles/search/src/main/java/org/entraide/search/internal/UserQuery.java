package org.entraide.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * What a member typed, made a Lucene query. Each word is looked for in the French and English forms of titles and
 * bodies (a title counts three times a body); a word of five letters or more also matches with one typo (two from
 * eight letters); "quoted words" are phrases; the last word, while typing, also matches as a prefix. A word every
 * language keeps is required (all but one from three such words); a stop word of one language (de, the) only adds to the score. In {@link Mode#LOOSE}
 * (similar questions) every word is optional, looked for in titles only, and a third of them must match.
 *
 * <p>Fuzzy variants are what makes a query slow (each expands to several terms per field, all scored): a word whose
 * exact forms are already in {@link #COMMON} documents or more is spelled as the index spells it, and gets none.
 */
final class UserQuery {
    enum Mode { SEARCH, LOOSE }

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
    private static final float TITLE_BOOST = 3f;
    private static final float FUZZY_BOOST = 0.6f;
    private static final float PREFIX_BOOST = 0.4f;
    private static final int MAX_WORDS = 12;
    /** The closest terms a fuzzy variant expands to (each one scored on every document holding it). */
    private static final int EXPANSIONS = 10;
    /** From this many documents holding a word's exact forms, the word is taken as correctly spelled: no fuzzy. */
    static final int COMMON = 20;

    private UserQuery() {
    }

    /**
     * The query of a text, every document when it has no word; fuzzy variants only for long words that fewer than
     * {@link #COMMON} documents hold ({@code docFreq} says how many hold a term).
     */
    static Query parse(String text, Mode mode, ToIntFunction<Term> docFreq) {
        String q = text == null ? "" : text;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        int optional = 0;
        Matcher m = PHRASE.matcher(q);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(q, last, m.start()).append(' ');
            last = m.end();
            Query phrase = phrase(m.group(1));
            if (phrase != null) {
                all.add(phrase, mode == Mode.SEARCH ? Occur.MUST : Occur.SHOULD);
                clauses++;
                optional += mode == Mode.SEARCH ? 0 : 1;
            }
        }
        rest.append(q.substring(last));
        // the last word is being typed unless the text ends with a space or a quote
        boolean typing = !q.isEmpty() && !Character.isWhitespace(q.charAt(q.length() - 1)) && !q.endsWith("\"");
        List<String> words = new ArrayList<>(List.of(rest.toString().trim().split("\\s+")));
        words.removeIf(String::isBlank);
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        // words every language keeps must match, all of them up to two, all but one from three (a member adds
        // words the answer does not use: "time", "won't")
        BooleanQuery.Builder required = new BooleanQuery.Builder();
        int nRequired = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = word(words.get(i), typing && mode == Mode.SEARCH && i == words.size() - 1 && last < q.length(), mode,
                docFreq);
            if (w == null) {
                continue;
            }
            if (mode == Mode.SEARCH && w.required()) {
                required.add(w.query(), Occur.SHOULD);
                nRequired++;
            } else {
                all.add(w.query(), Occur.SHOULD);
                clauses++;
                optional++;
            }
        }
        if (nRequired > 0) {
            required.setMinimumNumberShouldMatch(nRequired <= 2 ? nRequired : nRequired - 1);
            all.add(required.build(), Occur.MUST);
            clauses++;
        }
        if (clauses == 0) {
            return new MatchAllDocsQuery();
        }
        if (clauses == optional) {
            all.setMinimumNumberShouldMatch(mode == Mode.LOOSE ? Math.max(1, (int) Math.ceil(optional / 3.0)) : 1);
        }
        return all.build();
    }

    private record Word(Query query, boolean required) {
    }

    private static Word word(String raw, boolean prefix, Mode mode, ToIntFunction<Term> docFreq) {
        List<String> fr = Analysis.terms(Analysis.FRENCH, raw);
        List<String> en = Analysis.terms(Analysis.ENGLISH, raw);
        List<String> plain = Analysis.terms(Analysis.PLAIN_TEXT, raw);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = 0;
        int letters = (int) raw.codePoints().filter(Character::isLetterOrDigit).count();
        // similar questions compare titles with titles: bodies would only add cost and noise
        boolean bodies = mode == Mode.SEARCH;
        n += add(any, fr, Analysis.TITLE_FR, bodies ? Analysis.BODY_FR : null, letters, docFreq);
        n += add(any, en, Analysis.TITLE_EN, bodies ? Analysis.BODY_EN : null, letters, docFreq);
        if (prefix) {
            for (String p : plain) {
                if (p.length() >= 3) {
                    any.add(new BoostQuery(new PrefixQuery(new Term(Analysis.PLAIN, p)), PREFIX_BOOST), Occur.SHOULD);
                    n++;
                }
            }
        }
        if (n == 0) {
            return null;
        }
        // a word one language drops as a stop word is not required: "de" in "pot de peinture", "the" in English
        return new Word(any.build(), !fr.isEmpty() && !en.isEmpty());
    }

    /** Adds a word's terms in a title field and, unless null, a body field. */
    private static int add(BooleanQuery.Builder any, List<String> terms, String titleField, String bodyField, int letters,
                           ToIntFunction<Term> docFreq) {
        int n = 0;
        for (String t : terms) {
            Term title = new Term(titleField, t);
            Term body = bodyField == null ? null : new Term(bodyField, t);
            any.add(new BoostQuery(new TermQuery(title), TITLE_BOOST), Occur.SHOULD);
            n++;
            if (body != null) {
                any.add(new TermQuery(body), Occur.SHOULD);
                n++;
            }
            if (letters >= 5 && t.length() >= 4 && !common(docFreq, title, body)) {
                int edits = letters >= 8 ? 2 : 1;
                any.add(new BoostQuery(new FuzzyQuery(title, edits, 1, EXPANSIONS, true), TITLE_BOOST * FUZZY_BOOST),
                    Occur.SHOULD);
                n++;
                if (body != null) {
                    any.add(new BoostQuery(new FuzzyQuery(body, edits, 1, EXPANSIONS, true), FUZZY_BOOST), Occur.SHOULD);
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean common(ToIntFunction<Term> docFreq, Term title, Term body) {
        int held = docFreq.applyAsInt(title);
        return held >= COMMON || body != null && held + docFreq.applyAsInt(body) >= COMMON;
    }

    private static Query phrase(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = 0;
        for (String field : List.of(Analysis.TITLE_FR, Analysis.BODY_FR, Analysis.TITLE_EN, Analysis.BODY_EN)) {
            Analyzer a = Analysis.of(field);
            Query p = new QueryBuilder(a).createPhraseQuery(field, text);
            if (p != null) {
                any.add(field.startsWith("title") ? new BoostQuery(p, TITLE_BOOST) : p, Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : any.build();
    }
}
