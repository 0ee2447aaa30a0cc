package org.incidentconsole.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;

/** Reads the wrapped value with its own deserializer and records the position it started at. */
final class LocatedDeserializer extends JsonDeserializer<Located<?>> implements ContextualDeserializer {
    private final JavaType valueType;

    LocatedDeserializer() {
        this(null);
    }

    private LocatedDeserializer(JavaType valueType) {
        this.valueType = valueType;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        JavaType located = ctxt.getContextualType();
        if (located == null && property != null) {
            located = property.getType();
        }
        return new LocatedDeserializer(located == null ? ctxt.constructType(Object.class)
                : located.containedTypeOrUnknown(0));
    }

    @Override
    public Located<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        Object value = ctxt.readValue(p, valueType == null ? ctxt.constructType(Object.class) : valueType);
        return new Located<>(value, at.getLineNr(), at.getColumnNr());
    }
}
