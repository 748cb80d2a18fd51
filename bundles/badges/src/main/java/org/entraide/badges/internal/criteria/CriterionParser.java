package org.entraide.badges.internal.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses the criterion language, by recursive descent:
 * <pre>
 *   criterion  := conjunction ("or" conjunction)*
 *   conjunction:= term ("and" term)*
 *   term       := "(" criterion ")" | metric op number
 *   metric     := kind "." name            (user.answers, topic.answerScore, answer.score...)
 *   op         := ">=" | ">" | "<=" | "<" | "==" | "!="
 * </pre>
 * A criterion counts in one scope kind only (a badge is earned in a topic, or per answer, not both), and is at
 * most 500 characters and 20 comparisons: definitions are evaluated on every event.
 */
public final class CriterionParser {
    public static final int MAX_LENGTH = 500;
    private static final int MAX_COMPARISONS = 20;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private ScopeKind kind;
    private int comparisons;

    private record Token(String text, int position) {
    }

    private CriterionParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** The parsed criterion; throws {@link InvalidCriterion} with the position of the first error. */
    public static Criterion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCriterion("the criterion is empty", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCriterion("the criterion is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        CriterionParser p = new CriterionParser(text);
        Criterion c = p.disjunction();
        if (p.next < p.tokens.size()) {
            Token t = p.tokens.get(p.next);
            throw new InvalidCriterion("unexpected '" + t.text() + "': expected 'and', 'or' or the end", t.position());
        }
        return c;
    }

    /** The scope kind of a valid criterion. */
    public static ScopeKind kindOf(Criterion c) {
        return c.comparisons().get(0).kind();
    }

    private Criterion disjunction() {
        Criterion left = conjunction();
        while (peek("or")) {
            next++;
            left = new Criterion.Or(left, conjunction());
        }
        return left;
    }

    private Criterion conjunction() {
        Criterion left = term();
        while (peek("and")) {
            next++;
            left = new Criterion.And(left, term());
        }
        return left;
    }

    private Criterion term() {
        Token t = take("a metric such as topic.answers, or '('");
        if (t.text().equals("(")) {
            Criterion inner = disjunction();
            Token close = take("')'");
            if (!close.text().equals(")")) {
                throw new InvalidCriterion("expected ')' but found '" + close.text() + "'", close.position());
            }
            return inner;
        }
        Criterion.Comparison c = comparison(t);
        if (++comparisons > MAX_COMPARISONS) {
            throw new InvalidCriterion("more than " + MAX_COMPARISONS + " comparisons", t.position());
        }
        return c;
    }

    private Criterion.Comparison comparison(Token metric) {
        int dot = metric.text().indexOf('.');
        ScopeKind k = dot < 0 ? null : ScopeKind.ofPrefix(metric.text().substring(0, dot));
        if (k == null) {
            throw new InvalidCriterion("'" + metric.text() + "' is not a metric: write scope.metric with scope one of "
                + kinds(), metric.position());
        }
        String name = metric.text().substring(dot + 1);
        if (!k.metrics().contains(name)) {
            throw new InvalidCriterion("unknown metric '" + name + "' for " + k.prefix() + "; known: "
                + new TreeSet<>(k.metrics()), metric.position() + dot + 1);
        }
        if (kind != null && kind != k) {
            throw new InvalidCriterion("a criterion counts in one scope: '" + k.prefix() + "' after '" + kind.prefix()
                + "'", metric.position());
        }
        kind = k;
        Token op = take("a comparison (>=, >, <=, <, ==, !=)");
        if (!List.of(">=", ">", "<=", "<", "==", "!=").contains(op.text())) {
            throw new InvalidCriterion("expected a comparison (>=, >, <=, <, ==, !=) but found '" + op.text() + "'",
                op.position());
        }
        Token number = take("a number");
        try {
            long value = Long.parseLong(number.text());
            if (value < 0 || value > 1_000_000_000L) {
                throw new NumberFormatException();
            }
            return new Criterion.Comparison(k, name, op.text(), value);
        } catch (NumberFormatException e) {
            throw new InvalidCriterion("expected a whole number from 0 to 1000000000 but found '" + number.text() + "'",
                number.position());
        }
    }

    private boolean peek(String word) {
        return next < tokens.size() && tokens.get(next).text().equals(word);
    }

    private Token take(String expected) {
        if (next >= tokens.size()) {
            throw new InvalidCriterion("the criterion ends where " + expected + " was expected", text.length());
        }
        return tokens.get(next++);
    }

    private static String kinds() {
        List<String> all = new ArrayList<>();
        for (ScopeKind k : ScopeKind.values()) {
            all.add(k.prefix());
        }
        return String.join(", ", all);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '(' || ch == ')') {
                out.add(new Token(String.valueOf(ch), i++));
            } else if ("<>=!".indexOf(ch) >= 0) {
                int start = i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                String op = s.substring(start, i);
                if (op.equals("=") || op.equals("!")) {
                    throw new InvalidCriterion("'" + op + "' is not a comparison: use == or !=", start);
                }
                out.add(new Token(op, start));
            } else if (Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                    || s.charAt(i) == '_' || s.charAt(i) == '-')) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), start));
            } else {
                throw new InvalidCriterion("unexpected character '" + ch + "'", i);
            }
        }
        return out;
    }
}
