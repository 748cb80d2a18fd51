package org.entraide.core.internal.rest.openapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * A generic type such as {@code Page<QuestionSummary>}, built at run time: Java erases the type arguments of a
 * response object, so the description of an endpoint names them explicitly.
 */
public record GenericType(Class<?> raw, List<Type> arguments) implements ParameterizedType {
    public GenericType {
        arguments = List.copyOf(arguments);
        if (raw.getTypeParameters().length != arguments.size()) {
            throw new IllegalArgumentException(raw.getName() + " takes " + raw.getTypeParameters().length
                + " type arguments, not " + arguments.size());
        }
    }

    public static GenericType of(Class<?> raw, Type... arguments) {
        return new GenericType(raw, Arrays.asList(arguments));
    }

    @Override
    public Type[] getActualTypeArguments() {
        return arguments.toArray(Type[]::new);
    }

    @Override
    public Type getRawType() {
        return raw;
    }

    @Override
    public Type getOwnerType() {
        return raw.getDeclaringClass();
    }
}
