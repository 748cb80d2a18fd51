package org.entraide.core.internal.rest.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The Jakarta Validation constraints of a value, translated into the JSON Schema keywords that say the same. */
final class Constraints {
    private Constraints() {
    }

    /**
     * The annotations of a record component. A constraint written on a component lands on its type when it may be a
     * type annotation, and only on the accessor otherwise (as on a qualified type like {@code Views.Author}): read both.
     */
    static List<Annotation> of(RecordComponent component) {
        Map<Class<?>, Annotation> byType = new LinkedHashMap<>();
        for (Annotation a : component.getAccessor().getAnnotations()) {
            byType.put(a.annotationType(), a);
        }
        for (Annotation a : component.getAnnotatedType().getAnnotations()) {
            byType.putIfAbsent(a.annotationType(), a);
        }
        return new ArrayList<>(byType.values());
    }

    /** The annotations of a type argument, such as the element type of {@code List<@NotBlank String>}. */
    static List<Annotation> of(AnnotatedType type) {
        return type == null ? List.of() : Arrays.asList(type.getAnnotations());
    }

    /** Whether a validated value must be present and not null. */
    static boolean required(List<Annotation> annotations) {
        return annotations.stream().anyMatch(a -> a instanceof NotNull || a instanceof NotBlank || a instanceof NotEmpty);
    }

    /** Adds the keywords of the constraints that apply to the schema's type; a $ref schema is left as it is. */
    static void apply(ObjectNode schema, List<Annotation> annotations) {
        String type = schema.path("type").asText("");
        if (type.isEmpty()) {
            return;
        }
        boolean text = type.equals("string");
        boolean array = type.equals("array");
        for (Annotation a : annotations) {
            if (a instanceof Size s) {
                if (s.min() > 0) {
                    schema.put(text ? "minLength" : array ? "minItems" : "minProperties", s.min());
                }
                if (s.max() < Integer.MAX_VALUE) {
                    schema.put(text ? "maxLength" : array ? "maxItems" : "maxProperties", s.max());
                }
            } else if (a instanceof Min m) {
                schema.put("minimum", m.value());
            } else if (a instanceof Max m) {
                schema.put("maximum", m.value());
            } else if (a instanceof DecimalMin m) {
                schema.put(m.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(m.value()));
            } else if (a instanceof DecimalMax m) {
                schema.put(m.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(m.value()));
            } else if (a instanceof Positive) {
                schema.put("exclusiveMinimum", 0);
            } else if (a instanceof PositiveOrZero) {
                schema.put("minimum", 0);
            } else if (a instanceof Pattern p) {
                // Bean Validation matches the whole value, a JSON Schema pattern matches anywhere: anchor it.
                schema.put("pattern", "^(?:" + p.regexp() + ")$");
            } else if (a instanceof Email) {
                schema.put("format", "email");
            }
        }
        boolean notEmpty = annotations.stream().anyMatch(a -> a instanceof NotBlank || a instanceof NotEmpty);
        if (notEmpty && (text || array)) {
            String key = text ? "minLength" : "minItems";
            schema.put(key, Math.max(1, schema.path(key).asInt(0)));
        }
    }
}
