package org.entraide.core.internal.rest.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of bodies, derived by reflection from their Java records and the Jakarta Validation constraints on
 * them, so the description says what Jackson and Hibernate Validator do. Each record becomes one named schema.
 * <p>
 * A request property is required when it is NotNull, NotBlank or NotEmpty, and unknown properties are rejected
 * (Jackson fails on them). A response property is always present, because Jackson writes nulls; with no nullness
 * information on the records, any object-typed property other than a collection is said to be possibly null.
 */
final class Schemas {
    static final String REF = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode components;
    private final Map<String, Type> owners = new HashMap<>();
    private final Map<String, Boolean> requestNames = new HashMap<>();

    Schemas(ObjectNode components) {
        this.components = components;
    }

    ObjectNode request(Class<?> record) {
        return schema(record, Map.of(), true);
    }

    ObjectNode response(Type type) {
        return schema(type, Map.of(), false);
    }

    private ObjectNode schema(Type type, Map<String, Type> bindings, boolean request) {
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v.getName());
            if (bound == null) {
                throw new IllegalArgumentException("unbound type variable " + v.getName() + ": name the type arguments");
            }
            return schema(bound, Map.of(), request);
        }
        if (type instanceof ParameterizedType p) {
            return parameterized((Class<?>) p.getRawType(), p.getActualTypeArguments(), bindings, request);
        }
        if (type instanceof Class<?> c) {
            ObjectNode scalar = JsonTypes.scalar(c);
            if (scalar != null) {
                return scalar;
            }
            if (c.isRecord() && c.getTypeParameters().length == 0) {
                return ref(c, List.of(), request);
            }
            if (Map.class.isAssignableFrom(c) || c == ObjectNode.class) {
                return JSON.objectNode().put("type", "object");
            }
        }
        throw new IllegalArgumentException("no JSON Schema for " + type.getTypeName());
    }

    private ObjectNode parameterized(Class<?> raw, Type[] args, Map<String, Type> bindings, boolean request) {
        if (Collection.class.isAssignableFrom(raw)) {
            // reached only without annotations (a type argument of a type argument); components go through value()
            return array(raw, args[0], null, bindings, request);
        }
        if (Map.class.isAssignableFrom(raw)) {
            ObjectNode s = JSON.objectNode().put("type", "object");
            s.set("additionalProperties", schema(args[1], bindings, request));
            return s;
        }
        if (raw.isRecord()) {
            List<Type> resolved = new ArrayList<>();
            for (Type a : args) {
                boolean bound = a instanceof TypeVariable<?> v && bindings.containsKey(v.getName());
                resolved.add(bound ? bindings.get(((TypeVariable<?>) a).getName()) : a);
            }
            return ref(raw, resolved, request);
        }
        throw new IllegalArgumentException("no JSON Schema for " + raw.getName() + " with type arguments");
    }

    private ObjectNode array(Class<?> raw, Type item, AnnotatedType annotatedItem, Map<String, Type> bindings,
                             boolean request) {
        ObjectNode s = JSON.objectNode().put("type", "array");
        List<Annotation> constraints = Constraints.of(annotatedItem);
        // Response lists are built from rows and copied with List.copyOf, which refuses nulls.
        boolean nullable = request && !Constraints.required(constraints);
        s.set("items", value(item, annotatedItem, constraints, bindings, request, nullable));
        if (Set.class.isAssignableFrom(raw)) {
            s.put("uniqueItems", true);
        }
        return s;
    }

    /** The schema of one value: its type, its constraints, and null among its types when it may be null. */
    private ObjectNode value(Type type, AnnotatedType annotated, List<Annotation> constraints, Map<String, Type> bindings,
                             boolean request, boolean nullable) {
        ObjectNode s;
        if (type instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
            AnnotatedType item = annotated instanceof AnnotatedParameterizedType ap
                ? ap.getAnnotatedActualTypeArguments()[0] : null;
            s = array((Class<?>) p.getRawType(), p.getActualTypeArguments()[0], item, bindings, request);
        } else {
            s = schema(type, bindings, request);
        }
        Constraints.apply(s, constraints);
        return nullable ? JsonTypes.nullable(s) : s;
    }

    private ObjectNode ref(Class<?> record, List<Type> args, boolean request) {
        String name = name(record, args);
        Type key = args.isEmpty() ? record : new GenericType(record, args);
        Type owner = owners.putIfAbsent(name, key);
        if (owner == null) {
            requestNames.put(name, request);
            // registered before it is described, so that a record that refers to itself ends
            describe(components.putObject(name), record, args, request);
        } else if (!owner.equals(key)) {
            throw new IllegalStateException("two types share the schema name " + name + ": " + owner + " and " + key);
        } else if (requestNames.get(name) != request) {
            throw new IllegalStateException(name + " is both a request and a response body; give each its own record");
        }
        return JSON.objectNode().put("$ref", REF + name);
    }

    private void describe(ObjectNode target, Class<?> record, List<Type> args, boolean request) {
        Map<String, Type> bindings = new HashMap<>();
        TypeVariable<?>[] params = record.getTypeParameters();
        for (int i = 0; i < params.length; i++) {
            bindings.put(params[i].getName(), args.get(i));
        }
        target.put("type", "object");
        ObjectNode properties = target.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent rc : record.getRecordComponents()) {
            List<Annotation> constraints = Constraints.of(rc);
            boolean present = !request || Constraints.required(constraints);
            boolean primitive = rc.getType().isPrimitive();
            boolean nullable = !primitive && (request ? !present : !Collection.class.isAssignableFrom(rc.getType()));
            properties.set(rc.getName(), value(rc.getGenericType(), rc.getAnnotatedType(), constraints, bindings,
                request, nullable));
            if (present) {
                required.add(rc.getName());
            }
        }
        if (!required.isEmpty()) {
            target.set("required", required);
        }
        if (request) {
            target.put("additionalProperties", false);
        }
    }

    /** {@code Views.QuestionView} for a nested record, {@code PageOfQuestionSummary} for a generic one. */
    static String name(Class<?> type, List<Type> args) {
        StringBuilder name = new StringBuilder();
        if (type.getDeclaringClass() != null && args.isEmpty()) {
            name.append(type.getDeclaringClass().getSimpleName()).append('.');
        }
        name.append(type.getSimpleName());
        for (Type a : args) {
            Class<?> c = a instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) a;
            name.append("Of").append(c.getSimpleName());
        }
        return name.toString();
    }
}
