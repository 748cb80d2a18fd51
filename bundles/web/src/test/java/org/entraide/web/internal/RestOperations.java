package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;

/** Every REST operation the running CamelContext serves, core's and plugins' alike, read from Camel's model. */
final class RestOperations {
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    /** A verb and its URI template, such as POST /api/v1/brands/{brand}/questions/{id}/answers. */
    record Operation(String method, String template) {
        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        boolean perBrand() {
            return template.contains("{brand}");
        }

        /** Whether the template names anything but its brand, so that another brand's ids can be put in it. */
        boolean namesIds() {
            return PARAM.matcher(template.replace("{brand}", "")).find();
        }

        /** The template with {brand} and each other parameter replaced by the id of the segment before it. */
        String path(String brand, java.util.Map<String, String> ids) {
            String[] segments = template.split("/");
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < segments.length; i++) {
                String s = segments[i];
                Matcher m = PARAM.matcher(s);
                if (s.equals("{brand}")) {
                    s = brand;
                } else if (m.matches()) {
                    s = ids.getOrDefault(segments[i - 1], "1");
                }
                out.append('/').append(s);
            }
            return out.toString();
        }

        /** The parameters for which the brand has no id, filled with 1: a gap in the matrix's coverage to close. */
        List<String> unresolved(java.util.Map<String, String> ids) {
            String[] segments = template.split("/");
            List<String> missing = new ArrayList<>();
            for (int i = 1; i < segments.length; i++) {
                if (PARAM.matcher(segments[i]).matches() && !segments[i].equals("{brand}") && !ids.containsKey(segments[i - 1])) {
                    missing.add(segments[i - 1] + "/" + segments[i]);
                }
            }
            return missing;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private RestOperations() {
    }

    /**
     * Sorted, so that the run is the same every time; logging out comes last, as it revokes the caller's token.
     */
    static List<Operation> of(CamelContext camel) {
        List<Operation> ops = new ArrayList<>();
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            String base = rest.getPath() == null ? "" : rest.getPath();
            for (VerbDefinition verb : rest.getVerbs()) {
                ops.add(new Operation(verb.asVerb().toUpperCase(Locale.ROOT), base + (verb.getPath() == null ? "" : verb.getPath())));
            }
        }
        ops.sort(Comparator.comparing((Operation o) -> o.template().endsWith("/logout")).thenComparing(Operation::template)
            .thenComparing(Operation::method));
        return List.copyOf(ops);
    }
}
