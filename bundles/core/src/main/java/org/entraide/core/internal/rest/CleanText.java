package org.entraide.core.internal.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.entraide.api.text.MultiLine;
import org.entraide.api.text.Texts;
import org.entraide.api.text.Verbatim;

/**
 * Every string of a request body is cleaned as it is read, before validation: a constraint such as
 * {@code @Size(min = 5)} or {@code @NotBlank} then judges the text that will be stored, not the one sent.
 */
final class CleanText extends StdScalarDeserializer<String> implements ContextualDeserializer {
    private enum Mode { SINGLE_LINE, MULTI_LINE, VERBATIM }

    private static final CleanText SINGLE_LINE = new CleanText(Mode.SINGLE_LINE);
    private static final CleanText MULTI_LINE = new CleanText(Mode.MULTI_LINE);
    private static final CleanText VERBATIM = new CleanText(Mode.VERBATIM);

    private final Mode mode;

    private CleanText(Mode mode) {
        super(String.class);
        this.mode = mode;
    }

    static SimpleModule module() {
        return new SimpleModule("entraide-clean-text").addDeserializer(String.class, SINGLE_LINE);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        if (property == null) {
            return SINGLE_LINE;
        }
        if (property.getAnnotation(Verbatim.class) != null) {
            return VERBATIM;
        }
        return property.getAnnotation(MultiLine.class) != null ? MULTI_LINE : SINGLE_LINE;
    }

    /**
     * A body read as a tree (no record says which texts are one line): every text keeps its lines but loses what
     * {@link Texts} removes, in place.
     */
    static void cleanTree(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(Texts.clean(f.getValue().textValue(), false)));
                } else {
                    cleanTree(f.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(Texts.clean(array.get(i).textValue(), false)));
                } else {
                    cleanTree(array.get(i));
                }
            }
        }
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String raw = StringDeserializer.instance.deserialize(p, ctxt);
        return mode == Mode.VERBATIM ? raw : Texts.clean(raw, mode == Mode.SINGLE_LINE);
    }
}
