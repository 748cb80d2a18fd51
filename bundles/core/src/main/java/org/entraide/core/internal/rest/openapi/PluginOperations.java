package org.entraide.core.internal.rest.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.core.internal.plugin.PluginEndpoints;

/**
 * The plugins' operations, read from the Camel REST DSL every installed plugin added to the shared CamelContext, so
 * that they appear in the description beside the core's without a second declaration that could drift. A plugin's
 * operation goes through the core's dispatcher ({@code ApiEndpoints.processor}): a bearer token is read when there is
 * one, a disabled capability or an id of another brand is a 404, and the handler checks the caller's roles (403).
 * An operation whose route is gone (its plugin was uninstalled) is left out. An operation that reads a body
 * declares its record on its REST verb, and is described with that record's schema, as the core's are.
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
                // only operations the core's plugin endpoints run: a core endpoint missing from the description
                // must stay missing, so that its test notices it
                PluginEndpoints.PluginProcessor plugin = pluginProcessor(model.getRouteDefinition(operation));
                if (plugin == null) {
                    continue;
                }
                Doc doc = Doc.of("The " + operation + " operation of the " + plugin.capability() + " capability (404 where "
                    + "the brand has not enabled it)").optionalBearer().returns(ObjectNode.class).errors(400, 403, 404, 409, 422);
                if (!method.equals("GET")) {
                    // a plugin's write answers what it did: its result, a created resource, or nothing
                    doc = doc.alsoSucceeds(201, 204);
                }
                if (verb.getProduces() != null) {
                    doc = doc.produces(verb.getProduces().split("\\s*,\\s*"));
                }
                Class<?> body = bodyOf(verb);
                if (plugin.upload() != null) {
                    doc = doc.upload(plugin.upload().maxBytes(), plugin.upload().mediaTypes().toArray(String[]::new));
                } else if (body != null) {
                    doc = doc.body(body);
                }
                for (String q : new java.util.TreeSet<>(plugin.queryParams())) {
                    doc = doc.query(q, "declared by the plugin");
                }
                found.add(new Endpoint(method, path, operation, doc));
            }
        }
        return found;
    }

    /**
     * The record a plugin's operation reads as its body, as its REST verb declares it ({@code .type(Record.class)}, a
     * declaration only: the REST binding is off, the core's dispatcher reads and validates the body); any JSON object
     * for a body read as a tree. Null for an operation that reads no body.
     */
    private static Class<?> bodyOf(VerbDefinition verb) {
        Class<?> type = verb.getTypeClass();
        if (type == null || type.isArray()) {
            return null;
        }
        return JsonNode.class.isAssignableFrom(type) ? ObjectNode.class : type;
    }

    /** The plugin processor among a route's outputs, however deep; null when the route runs none. */
    private static PluginEndpoints.PluginProcessor pluginProcessor(ProcessorDefinition<?> node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ProcessDefinition p && p.getProcessor() instanceof PluginEndpoints.PluginProcessor found) {
            return found;
        }
        for (ProcessorDefinition<?> child : node.getOutputs()) {
            PluginEndpoints.PluginProcessor found = pluginProcessor(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String join(String base, String path) {
        String b = base == null ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String p = path == null ? "" : path.startsWith("/") ? path : "/" + path;
        return b + p;
    }
}
