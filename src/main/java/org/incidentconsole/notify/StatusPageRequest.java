package org.incidentconsole.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;

/** One call to a status page API as it will be made, minus the token: the preview and the wire share it. */
record StatusPageRequest(String method, URI uri, ObjectNode body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String json() {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request as text: method and address, the headers (the token already masked in {@code authorization}), the JSON. */
    String preview(String authorization) {
        try {
            return method + " " + uri + "\nAuthorization: " + authorization + "\nContent-Type: application/json\n\n"
                    + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
