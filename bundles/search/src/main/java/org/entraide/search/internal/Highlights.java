package org.entraide.search.internal;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * Excerpts with the matched words in {@code <mark>}: the text is HTML-escaped first (it is a member's), so the only
 * markup is ours. The stored text is analyzed again with the French then the English chain, whichever marks
 * something; without a match, the start of the text.
 */
final class Highlights {
    static final int EXCERPT = 180;
    /** Long bodies are highlighted within their first characters only: the cost of an excerpt stays bounded. */
    private static final int ANALYZED = 2_000;
    private final Query query;

    Highlights(Query query) {
        this.query = query;
    }

    String title(String title) {
        for (String field : List.of(Analysis.TITLE_FR, Analysis.TITLE_EN)) {
            String marked = mark(field, title, true);
            if (marked != null) {
                return marked;
            }
        }
        return escape(title);
    }

    String excerpt(String markdown) {
        String body = PlainText.of(markdown);
        for (String field : List.of(Analysis.BODY_FR, Analysis.BODY_EN, Analysis.PLAIN)) {
            String marked = mark(field, body, false);
            if (marked != null) {
                return marked;
            }
        }
        return escape(start(body));
    }

    private String mark(String field, String text, boolean whole) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter h = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
        h.setTextFragmenter(whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, EXCERPT));
        h.setMaxDocCharsToAnalyze(ANALYZED);
        try {
            String best = h.getBestFragment(Analysis.of(field), field, text);
            return best == null || !best.contains("<mark>") ? null : best.strip();
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null;
        }
    }

    static String start(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT);
        return text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + "…";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
