package org.entraide.core.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Reads a JSON request body within a size limit, maps it with Jackson and validates it with Hibernate Validator. */
public final class RequestBodies {
    private final ObjectMapper json;
    private final Validator validator;
    private volatile int maxBytes;

    public RequestBodies(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
        // An explicit provider: no ServiceLoader or context class loader lookups across bundles, and no EL needed.
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
            .providerResolver(() -> List.of(new HibernateValidator()))
            .configure()
            .ignoreXmlConfiguration()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    public void setMaxBytes(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Reads at most the limit; one byte more is a 413, whatever Content-Length said. */
    public byte[] read(InputStream in) {
        return readRaw(in, maxBytes);
    }

    /** Reads at most {@code limit} bytes (an upload's own limit); one byte more is a 413. */
    public byte[] readRaw(InputStream in, int limit) {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw ProblemException.tooLarge("the request body exceeds " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body could not be read");
        }
    }

    public <T> T parse(byte[] bytes, Class<T> type) {
        if (bytes.length == 0) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        T value;
        try {
            value = json.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(e.getPropertyName(), "unknown field");
        } catch (MismatchedInputException e) {
            String field = fieldOf(e);
            throw field.isEmpty() ? ProblemException.badRequest("the body must be a JSON object")
                : ProblemException.invalid(field, "wrong type of value");
        } catch (JsonProcessingException e) {
            // Mapping failures have no location in the text: they must still be a 400, not a 500.
            throw ProblemException.badRequest(e.getLocation() == null ? "the body does not fit the expected object"
                : "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body could not be read");
        }
        if (value == null) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        if (value instanceof JsonNode tree) {
            CleanText.cleanTree(tree);
        }
        validate(value);
        return value;
    }

    void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        Set<FieldError> unique = new LinkedHashSet<>();
        violations.stream()
            .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage))
            .forEach(v -> unique.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        throw ProblemException.invalid(new ArrayList<>(unique));
    }

    private static String fieldOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
