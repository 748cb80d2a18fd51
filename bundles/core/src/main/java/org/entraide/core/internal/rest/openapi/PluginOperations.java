package org.entraide.core.internal.rest.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.entraide.api.web.ApiEndpoints;

/**
 * The plugins' operations, read from the Camel REST DSL every installed plugin added to the shared CamelContext, so
 * that they appear in the description beside the core's without a second declaration that could drift. A plugin's
 * operation goes through the core's dispatcher ({@code ApiEndpoints.processor}): a bearer token is read when there is
 * one, a disabled capability or an id of another brand is a 404, and the handler checks the caller's roles (403).
 * An operation whose route is gone (its plugin was uninstalled) is left out.
 */
public final class PluginOperations {
    private PluginOperations() {
    }

    /** Every REST operation of the context that is not one of {@code core}'s and whose route is running. */
    public static List<Endpoint> of(CamelContext camel, List<Endpoint> core) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        if (model == null) {
            return List.of();
        }
        Set<String> known = core.stream().map(e -> e.method() + " " + e.path()).collect(Collectors.toSet());
        List<Endpoint> found = new ArrayList<>();
        for (RestDefinition rest : List.copyOf(model.getRestDefinitions())) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String method = verb.asVerb().toUpperCase(Locale.ROOT);
                String path = join(rest.getPath(), verb.getPath());
                String target = verb.getTo() == null ? null : verb.getTo().getUri();
                if (target == null || !target.startsWith("direct:") || !path.startsWith(ApiEndpoints.BASE + "/")
                    || known.contains(method + " " + path)) {
                    continue;
                }
                String operation = target.substring("direct:".length());
                // Camel inlines the direct: route into the REST route, which takes the operation's id
                if (camel.getRoute(operation) == null) {
                    continue;
                }
                found.add(new Endpoint(method, path, operation, Doc.of("The " + operation + " operation of a capability plugin "
                    + "(404 where the brand has not enabled it)").optionalBearer().returns(ObjectNode.class).errors(400, 403, 404)));
            }
        }
        return found;
    }

    private static String join(String base, String path) {
        String b = base == null ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String p = path == null ? "" : path.startsWith("/") ? path : "/" + path;
        return b + p;
    }
}
