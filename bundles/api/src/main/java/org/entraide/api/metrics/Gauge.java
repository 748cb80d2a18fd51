package org.entraide.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One gauge family: a name starting with {@code entraide_}, a one-line help text, and its samples, each with its labels
 * (such as {@code brand}). Label values are any text: the platform escapes them.
 */
public record Gauge(String name, String help, List<Sample> samples) {
    private static final Pattern NAME = Pattern.compile("entraide_[a-z0-9_]{1,100}");
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    public Gauge {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a gauge name is entraide_ then lower-case letters, digits and _: " + name);
        }
        Objects.requireNonNull(help, "help");
        if (help.isBlank() || help.contains("\n")) {
            throw new IllegalArgumentException("a gauge's help is one line of text");
        }
        samples = List.copyOf(samples);
    }

    /** One value of the gauge, for one combination of labels. */
    public record Sample(Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
            for (Map.Entry<String, String> l : labels.entrySet()) {
                if (!LABEL.matcher(l.getKey()).matches() || l.getKey().equals("le")) {
                    throw new IllegalArgumentException("a label name is lower-case letters, digits and _: " + l.getKey());
                }
            }
        }
    }
}
