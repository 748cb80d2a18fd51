package org.entraide.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How text is cut into searchable terms. Every title and body is indexed twice, once per language, because a brand's
 * members write in French and English without saying which: the French chain removes elisions (l', d', qu'...), French
 * stop words, accents and case, then stems lightly (plurals and feminines match: perceuses, perceuse); the English
 * chain removes possessives and English stop words, folds accents and case and applies Porter's stemmer (returns,
 * returned, return). A third, "plain" chain only folds (no stemming), for prefix matching while typing.
 */
final class Analysis {
    static final String TITLE_FR = "title_fr";
    static final String TITLE_EN = "title_en";
    static final String BODY_FR = "body_fr";
    static final String BODY_EN = "body_en";
    static final String PLAIN = "plain";

    static final Analyzer FRENCH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, FrenchAnalyzer.getDefaultStopSet());
            s = new ASCIIFoldingFilter(s);
            s = new FrenchLightStemFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };

    static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            s = new ASCIIFoldingFilter(s);
            s = new PorterStemFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };

    static final Analyzer PLAIN_TEXT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new LowerCaseFilter(s);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };

    /** What the index writer uses: each text field with its chain. */
    static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(PLAIN_TEXT, Map.of(TITLE_FR, FRENCH, BODY_FR, FRENCH,
        TITLE_EN, ENGLISH, BODY_EN, ENGLISH));

    static Analyzer of(String field) {
        return switch (field) {
            case TITLE_FR, BODY_FR -> FRENCH;
            case TITLE_EN, BODY_EN -> ENGLISH;
            default -> PLAIN_TEXT;
        };
    }

    /** The terms a chain makes of a text (a stop word makes none). */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lower case, without accents, single spaces, at most 100 characters: how a missed query is counted. */
    static String normalized(String query) {
        String folded = String.join(" ", terms(PLAIN_TEXT, query));
        return folded.length() <= 100 ? folded : folded.substring(0, 100);
    }


    private Analysis() {
    }
}
