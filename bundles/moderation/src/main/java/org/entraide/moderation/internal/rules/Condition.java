package org.entraide.moderation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.entraide.moderation.internal.text.PersonalData;
import org.entraide.moderation.internal.text.Threats;
import org.entraide.moderation.internal.text.WordLists;
import org.entraide.moderation.internal.text.WordMatcher;

/**
 * What a rule looks for. Built from the rule's JSON ({@link #of}), which it validates: an unknown type, a
 * missing parameter or a regular expression that does not compile is an {@link IllegalArgumentException}
 * whose message names the problem.
 */
public sealed interface Condition {
    /** Where the condition matched: a span of the title or the body, or the whole post (field "post"). */
    record Hit(String field, int start, int end, String match) {
        static Hit post(String why) {
            return new Hit("post", 0, 0, why);
        }
    }

    /** The hits; empty when the condition does not hold. */
    List<Hit> test(Candidate c);

    static Condition of(Map<String, Object> m) {
        Object type = m.get("type");
        if (!(type instanceof String t)) {
            throw new IllegalArgumentException("needs a \"type\": words, regex, links, personalData, threats, postType, "
                + "newAuthor, repeated, rate, reputationBelow or all");
        }
        return switch (t) {
            case "words" -> new Words(strings(m, "lists", false), strings(m, "terms", false));
            case "regex" -> Regex.of(string(m, "pattern"));
            case "links" -> new Links(number(m, "max"), LinkDomains.of(strings(m, "allowedDomains", false)));
            case "personalData" -> new Personal(Set.copyOf(strings(m, "kinds", true)));
            case "threats" -> Threat.of(strings(m, "languages", false));
            case "postType" -> new PostTypes(Set.copyOf(strings(m, "types", true)));
            case "newAuthor" -> new NewAuthor(number(m, "firstPosts"), number(m, "accountAgeHours"));
            case "repeated" -> new Repeated(number(m, "max"));
            case "rate" -> new Rate(number(m, "perHour"));
            case "reputationBelow" -> new ReputationBelow(number(m, "points"),
                m.get("unknownAs") == null ? null : number(m, "unknownAs"));
            case "all" -> new All(conditions(m));
            default -> throw new IllegalArgumentException("unknown condition type '" + t + "'");
        };
    }

    /** Watched words and phrases: named lists shipped with the plugin, and the rule's own terms. */
    record Words(List<String> lists, List<String> terms, WordMatcher matcher) implements Condition {
        Words(List<String> lists, List<String> terms) {
            this(lists, terms, WordLists.matcher(lists, terms));
        }

        @Override
        public List<Hit> test(Candidate c) {
            List<Hit> hits = new ArrayList<>();
            spans("title", c.title(), hits);
            spans("body", c.body(), hits);
            return hits;
        }

        private void spans(String field, String text, List<Hit> hits) {
            if (text != null) {
                matcher.find(text).forEach(m -> hits.add(new Hit(field, m.start(), m.end(), text.substring(m.start(), m.end()))));
            }
        }
    }

    /** A regular expression, on RE2/J: matching is linear in the text, so no pattern can hang the server. */
    record Regex(Pattern pattern) implements Condition {
        static Regex of(String source) {
            if (source.length() > 500) {
                throw new IllegalArgumentException("the pattern is longer than 500 characters");
            }
            try {
                return new Regex(Pattern.compile(source, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the pattern does not compile: " + e.getMessage());
            }
        }

        @Override
        public List<Hit> test(Candidate c) {
            List<Hit> hits = new ArrayList<>();
            for (String field : List.of("title", "body")) {
                String text = field.equals("title") ? c.title() : c.body();
                if (text != null) {
                    Matcher m = pattern.matcher(text);
                    while (m.find() && hits.size() < 100) {
                        hits.add(new Hit(field, m.start(), m.end(), m.group()));
                    }
                }
            }
            return hits;
        }
    }

    /** More links than allowed; links to the allowed domains (and their subdomains) do not count. */
    record Links(long max, LinkDomains allowed) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            String all = (c.title() == null ? "" : c.title()) + "\n" + (c.body() == null ? "" : c.body());
            long n = allowed.outside(all);
            return n > max ? List.of(Hit.post(n + (allowed.isEmpty() ? " links" : " links to domains not allowed"))) : List.of();
        }
    }

    /** Personal data of the listed kinds (email, phone, iban, card). */
    record Personal(Set<String> kinds) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            List<Hit> hits = new ArrayList<>();
            for (String field : List.of("title", "body")) {
                String text = field.equals("title") ? c.title() : c.body();
                for (PersonalData.Found f : PersonalData.find(text)) {
                    if (kinds.contains(f.kind())) {
                        hits.add(new Hit(field, f.start(), f.end(), f.kind()));
                    }
                }
            }
            return hits;
        }
    }

    /** Threats of violence (see moderation/threats.txt), in the listed languages: fr, en, both when none is listed. */
    record Threat(Set<String> languages) implements Condition {
        static Threat of(List<String> languages) {
            for (String l : languages) {
                if (!Threats.LANGUAGES.contains(l)) {
                    throw new IllegalArgumentException("unknown language '" + l + "'; known: " + Threats.LANGUAGES);
                }
            }
            return new Threat(Set.copyOf(languages.isEmpty() ? Threats.LANGUAGES : languages));
        }

        @Override
        public List<Hit> test(Candidate c) {
            List<Hit> hits = new ArrayList<>();
            for (String field : List.of("title", "body")) {
                String text = field.equals("title") ? c.title() : c.body();
                for (Threats.Found f : Threats.shipped().find(text, languages)) {
                    hits.add(new Hit(field, f.start(), f.end(), text.substring(f.start(), f.end())));
                }
            }
            return hits;
        }
    }

    /** Posts of these types (e.g. every complaint is reviewed before publication). */
    record PostTypes(Set<String> types) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            return types.contains(c.postType()) ? List.of(Hit.post(c.postType())) : List.of();
        }
    }

    /** An author among their first posts, or with a young account. */
    record NewAuthor(long firstPosts, long accountAgeHours) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            if (c.authorPosts() < firstPosts) {
                return List.of(Hit.post("post " + (c.authorPosts() + 1) + " of the author"));
            }
            return c.accountAgeHours() < accountAgeHours ? List.of(Hit.post("account of " + c.accountAgeHours() + " h"))
                : List.of();
        }
    }

    /** The same text posted again by the author within a day. */
    record Repeated(long max) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            return c.sameTextLastDay() >= max ? List.of(Hit.post("posted " + (c.sameTextLastDay() + 1) + " times"))
                : List.of();
        }
    }

    /** Too many posts in the last hour. */
    record Rate(long perHour) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            return c.postsLastHour() >= perHour ? List.of(Hit.post((c.postsLastHour() + 1) + " posts in an hour"))
                : List.of();
        }
    }

    /**
     * An author whose reputation is below the threshold. Where the brand has no reputation (the plugin absent or
     * off), the author's reputation is {@code unknownAs}; without it, the condition never holds there.
     */
    record ReputationBelow(long points, Long unknownAs) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            Long reputation = c.reputation() != null ? Long.valueOf(c.reputation()) : unknownAs;
            if (reputation == null || reputation >= points) {
                return List.of();
            }
            return List.of(Hit.post(c.reputation() == null ? "reputation unknown (counted as " + unknownAs + ")"
                : "reputation " + reputation));
        }
    }

    /** Every one of several conditions; the hits of all. */
    record All(List<Condition> of) implements Condition {
        @Override
        public List<Hit> test(Candidate c) {
            List<Hit> hits = new ArrayList<>();
            for (Condition each : of) {
                List<Hit> h = each.test(c);
                if (h.isEmpty()) {
                    return List.of();
                }
                hits.addAll(h);
            }
            return hits;
        }
    }

    private static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("needs \"" + key + "\" (a string)");
        }
        return s;
    }

    private static long number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
            throw new IllegalArgumentException("needs \"" + key + "\" (a whole number, 0 or more)");
        }
        return n.longValue();
    }

    private static List<String> strings(Map<String, Object> m, String key, boolean required) {
        Object v = m.get(key);
        if (v == null && !required) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || (required && list.isEmpty()) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("needs \"" + key + "\" (a list of strings)");
        }
        return list.stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Condition> conditions(Map<String, Object> m) {
        if (!(m.get("of") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("\"all\" needs \"of\" (a list of conditions)");
        }
        List<Condition> out = new ArrayList<>();
        for (Object each : list) {
            if (!(each instanceof Map<?, ?> c)) {
                throw new IllegalArgumentException("\"of\" holds conditions (objects)");
            }
            out.add(of((Map<String, Object>) c));
        }
        return out;
    }
}
