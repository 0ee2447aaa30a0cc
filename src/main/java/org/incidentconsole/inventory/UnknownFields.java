package org.incidentconsole.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Notes every unknown field of one read and skips it, so one read reports them all instead of the first. */
final class UnknownFields extends DeserializationProblemHandler {
    private final List<UnrecognizedPropertyException> found = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        UnrecognizedPropertyException e = UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                deserializer.getKnownPropertyNames());
        JsonStreamContext at = p.getParsingContext();
        if (p.currentToken() != null && p.currentToken().isStructStart()) {
            at = at.getParent(); // on the value's own object or list: the field is named one level up
        }
        // the exception names the field itself; the path above it comes from the enclosing objects and lists
        for (at = at == null ? null : at.getParent(); at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject()) {
                e.prependPath(beanOrClass, at.getCurrentName());
            } else if (at.inArray()) {
                e.prependPath(beanOrClass, at.getCurrentIndex());
            }
        }
        found.add(e);
        p.skipChildren();
        return true;
    }

    List<UnrecognizedPropertyException> found() {
        return found;
    }
}
