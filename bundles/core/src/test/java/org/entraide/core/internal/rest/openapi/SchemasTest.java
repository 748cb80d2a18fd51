package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.entraide.core.internal.paging.Page;
import org.junit.jupiter.api.Test;

/** How Java records become JSON Schemas. */
class SchemasTest {
    record Item(long id, String name, Instant at) {
    }

    record Order(@NotNull @Size(min = 1, max = 3) List<@NotBlank @Size(max = 8) String> lines,
                 @DecimalMin(value = "0", inclusive = false) Double amount, Map<String, Integer> extras) {
    }

    record Wrapper(Page<Item> page) {
    }

    static final class A {
        record Same(int x) {
        }
    }

    static final class B {
        static final class A {
            record Same(String y) {
            }
        }
    }

    private final ObjectNode components = JsonNodeFactory.instance.objectNode();
    private final Schemas schemas = new Schemas(components);

    @Test
    void aResponseRecordHasEveryComponentRequiredAndItsObjectsPossiblyNull() {
        assertEquals("{\"$ref\":\"#/components/schemas/SchemasTest.Item\"}", schemas.response(Item.class).toString());
        JsonNode item = components.get("SchemasTest.Item");
        assertEquals("[\"id\",\"name\",\"at\"]", item.get("required").toString());
        assertEquals("{\"type\":\"integer\",\"format\":\"int64\"}", item.at("/properties/id").toString());
        assertEquals("{\"type\":[\"string\",\"null\"],\"format\":\"date-time\"}", item.at("/properties/at").toString());
    }

    @Test
    void aRequestRecordCarriesItsConstraintsDownToTheItemsOfItsLists() {
        schemas.request(Order.class);
        JsonNode order = components.get("SchemasTest.Order");
        assertEquals("[\"lines\"]", order.get("required").toString());
        assertEquals("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"maxLength\":8,\"minLength\":1},"
            + "\"minItems\":1,\"maxItems\":3}", order.at("/properties/lines").toString());
        assertEquals("{\"type\":[\"number\",\"null\"],\"format\":\"double\",\"exclusiveMinimum\":0}",
            order.at("/properties/amount").toString());
        assertEquals("{\"type\":[\"object\",\"null\"],\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\"}}",
            order.at("/properties/extras").toString());
        assertEquals(false, order.get("additionalProperties").asBoolean());
    }

    @Test
    void aGenericRecordIsNamedAfterItsTypeArguments() {
        schemas.response(Wrapper.class);
        assertEquals("#/components/schemas/PageOfItem",
            components.at("/SchemasTest.Wrapper/properties/page/anyOf/0/$ref").asText());
        assertEquals("#/components/schemas/SchemasTest.Item", components.at("/PageOfItem/properties/items/items/$ref").asText());
        assertThrows(IllegalArgumentException.class, () -> schemas.response(Page.class), "Page without its item type");
    }

    @Test
    void refusesWhatItCannotDescribeFaithfully() {
        schemas.response(A.Same.class);
        assertThrows(IllegalStateException.class, () -> schemas.response(B.A.Same.class), "two records named A.Same");
        schemas.request(Order.class);
        assertThrows(IllegalStateException.class, () -> schemas.response(Order.class), "one record as request and response");
        assertThrows(IllegalArgumentException.class, () -> schemas.response(Object.class), "no schema for Object");
    }
}
