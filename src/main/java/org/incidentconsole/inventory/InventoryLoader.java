package org.incidentconsole.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads an inventory YAML file; every problem is reported with file:line:column and the field. */
public final class InventoryLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final Path home;

    /** @param home the user's home directory, for {@code ~/} in identity file paths */
    public InventoryLoader(Path home) {
        this.home = home;
    }

    public Inventory load(Path file) throws InventoryException {
        InventoryFileSpec spec;
        String text = "";
        try {
            text = Files.readString(file);
            spec = text.isBlank() ? null : yaml.readValue(text, InventoryFileSpec.class);
        } catch (NoSuchFileException e) {
            throw new InventoryException(file, 0, 0, null, "file not found");
        } catch (JacksonException e) {
            throw translate(file, text, e);
        } catch (IOException e) {
            throw new InventoryException(file, 0, 0, null, "cannot read: " + e.getMessage());
        }
        if (spec == null) {
            throw new InventoryException(file, 1, 1, null, "the file is empty; expected 'environment' and 'hosts'");
        }
        return new InventoryResolver(file, home).resolve(spec);
    }

    private static InventoryException translate(Path file, String text, JacksonException e) {
        MarkedYAMLException syntax = syntaxError(e);
        if (syntax != null) {
            Mark mark = syntax.getProblemMark();
            String context = syntax.getContext() == null ? "" : syntax.getContext() + ": ";
            return new InventoryException(file, mark.getLine() + 1, mark.getColumn() + 1, null,
                    "not valid YAML: " + context + syntax.getProblem());
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : null;
        if (e instanceof UnrecognizedPropertyException unknown) {
            column = columnOfKey(text, line, unknown.getPropertyName(), column);
            return new InventoryException(file, line, column, field, "unknown field '" + unknown.getPropertyName()
                    + "'; known fields: " + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException && e.getCause() != null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new InventoryException(file, line, column, field, cause.getMessage());
        }
        if (e instanceof InvalidFormatException bad) {
            return new InventoryException(file, line, column, field,
                    "expected " + describe(bad.getTargetType()) + ", got '" + bad.getValue() + "'");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InventoryException(file, line, column, field,
                    "expected " + describe(mismatch.getTargetType()));
        }
        return new InventoryException(file, line, column, field, e.getOriginalMessage());
    }

    private static MarkedYAMLException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    /** Jackson reports an unknown field at its value; point at the key, which is what the operator typed. */
    private static int columnOfKey(String text, int line, String key, int fallback) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return fallback;
        }
        Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(key) + "\\s*:").matcher(lines[line - 1]);
        return m.find() ? m.start() + 1 : fallback;
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Environment.class) {
            return "one of production, staging, drill";
        }
        if (Map.class.isAssignableFrom(type) || type.getName().startsWith(InventoryLoader.class.getPackageName())) {
            return "a mapping of 'field: value' lines";
        }
        return "a " + type.getSimpleName();
    }
}
