package org.entraide.core.internal.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OpenAPI operation object of one endpoint: parameters, security, request body and responses. */
final class Operations {
    /** The shared problem responses, by status, under components/responses. */
    static final Map<Integer, String> PROBLEMS = Map.ofEntries(Map.entry(400, "BadRequest"), Map.entry(401, "Unauthorized"),
        Map.entry(403, "Forbidden"), Map.entry(404, "NotFound"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
        Map.entry(413, "PayloadTooLarge"), Map.entry(415, "UnsupportedMediaType"), Map.entry(422, "Unprocessable"),
        Map.entry(429, "TooManyRequests"), Map.entry(503, "Unavailable"));
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schemas schemas;

    Operations(Schemas schemas) {
        this.schemas = schemas;
    }

    ObjectNode operation(Endpoint e) {
        Doc d = e.doc();
        ObjectNode op = JSON.objectNode();
        op.put("operationId", e.operationId());
        op.put("summary", d.summary());
        // "questions.create" is filed under "questions"
        op.putArray("tags").add(e.operationId().split("\\.", 2)[0]);
        parameters(op.putArray("parameters"), e);
        security(op, d);
        // the scope an API key needs for it; an operation without one is closed to every key
        org.entraide.core.internal.apikey.ApiKeyScopes.required(e.method(), e.path())
            .ifPresent(scope -> op.put("x-api-key-scope", scope));
        if (d.body() != null) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            body.putObject("content").putObject("application/json").set("schema", schemas.request(d.body()));
        }
        if (d.upload() != null) {
            ObjectNode content = op.putObject("requestBody").put("required", true)
                .put("description", "at most " + d.upload().maxBytes() + " bytes").putObject("content");
            d.upload().mediaTypes().forEach(media -> content.putObject(media).putObject("schema")
                .put("type", "string").put("format", "binary"));
        }
        ObjectNode responses = op.putObject("responses");
        responses.set(String.valueOf(d.status()), success(d, d.status()));
        for (int status : d.alsoSucceeds()) {
            responses.set(String.valueOf(status), success(d, status));
        }
        for (int status : errors(e)) {
            String name = PROBLEMS.get(status);
            if (name == null) {
                throw new IllegalStateException(e.operationId() + " names problem status " + status
                    + ", which has no description");
            }
            responses.putObject(String.valueOf(status)).put("$ref", "#/components/responses/" + name);
        }
        return op;
    }

    /** The problem statuses an endpoint may answer: those its body, access and path imply, and those it names. */
    static SortedSet<Integer> errors(Endpoint e) {
        Doc d = e.doc();
        SortedSet<Integer> statuses = new TreeSet<>(d.errors());
        // every endpoint refuses a query parameter it does not read
        statuses.add(400);
        if (d.body() != null || d.upload() != null) {
            statuses.add(413);
            statuses.add(415);
        }
        // every operation reads an API key when one is sent: 401 for a bad one, 403 outside its brand or scopes
        statuses.add(401);
        statuses.add(403);
        if (e.path().contains("{")) {
            statuses.add(404);
        }
        return statuses;
    }

    private void parameters(ArrayNode params, Endpoint e) {
        Matcher m = PATH_PARAM.matcher(e.path());
        while (m.find()) {
            ObjectNode p = params.addObject().put("name", m.group(1)).put("in", "path").put("required", true);
            // ids are read as positive numbers (anything else is a 404); slugs and store codes are text
            if (m.group(1).equals("id")) {
                p.putObject("schema").put("type", "integer").put("format", "int64").put("minimum", 1);
            } else {
                p.putObject("schema").put("type", "string");
            }
        }
        for (Doc.QueryParam q : e.doc().query()) {
            ObjectNode p = params.addObject().put("name", q.name()).put("in", "query").put("required", false)
                .put("description", q.description());
            ObjectNode schema = p.putObject("schema");
            if (q.integer()) {
                schema.put("type", "integer").put("format", "int32").put("minimum", q.minimum());
                if (q.maximum() != null) {
                    schema.put("maximum", q.maximum());
                }
            } else {
                schema.put("type", "string");
                if (!q.values().isEmpty()) {
                    ArrayNode values = schema.putArray("enum");
                    q.values().forEach(values::add);
                }
            }
        }
    }

    private static void security(ObjectNode op, Doc d) {
        switch (d.access()) {
            case PUBLIC -> op.putArray("security");
            case OPTIONAL_BEARER -> op.putArray("security").add(JSON.objectNode())
                .addObject().putArray(OpenApiDocument.BEARER);
            case BEARER -> op.putArray("security").addObject().putArray(OpenApiDocument.BEARER);
            case BASIC -> op.putArray("security").addObject().putArray(OpenApiDocument.BASIC);
            case INSTANCE -> {
                ArrayNode either = op.putArray("security");
                either.addObject().putArray(OpenApiDocument.BASIC);
                either.addObject().putArray(OpenApiDocument.BEARER);
            }
        }
        if (!d.roles().isEmpty()) {
            ArrayNode roles = op.putArray("x-roles");
            d.sortedRoles().forEach(r -> roles.add(r.name()));
            op.put("description", "Only for the brand's "
                + String.join(", ", d.sortedRoles().stream().map(Enum::name).toList()) + "; other members get a 403.");
        }
    }

    private ObjectNode success(Doc d, int status) {
        ObjectNode r = JSON.objectNode();
        switch (status) {
            case 200 -> {
                r.put("description", "OK");
                if (d.response() instanceof GenericType g && (g.raw() == org.entraide.core.internal.paging.Page.class
                        || g.raw() == org.entraide.core.internal.paging.CursorPage.class)) {
                    r.putObject("headers").putObject("Link").put("required", false)
                        .put("description", "RFC 8288 links to the neighbouring pages, when there are: rel=\"next\" "
                            + "(with the after cursor on a keyset list) and rel=\"prev\" (page numbers)")
                        .putObject("schema").put("type", "string");
                }
            }
            case 201 -> {
                r.put("description", "Created; the Location header is the new resource's URL");
                r.putObject("headers").putObject("Location").put("required", true)
                    .putObject("schema").put("type", "string").put("format", "uri-reference");
            }
            case 202 -> r.put("description", "Accepted; what follows is told by e-mail");
            case 204 -> r.put("description", "No content");
            default -> throw new IllegalStateException("unexpected success status " + status);
        }
        if (d.response() == String.class && d.produces().isEmpty()) {
            // a text body (the Prometheus exposition), not a JSON string
            r.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");
        } else if (d.response() != null && status != 204) {
            ObjectNode content = r.putObject("content");
            for (String media : d.produces().isEmpty() ? List.of("application/json") : d.produces()) {
                content.putObject(media).set("schema", media.equals("application/json") ? schemas.response(d.response())
                    : media.startsWith("image/") ? JSON.objectNode().put("type", "string").put("format", "binary")
                    : JSON.objectNode().put("type", "string"));
            }
        }
        return r;
    }
}
