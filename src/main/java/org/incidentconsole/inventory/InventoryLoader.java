package org.incidentconsole.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads an inventory YAML file; every problem is reported with file:line:column and the field. The text is
 * checked first for its YAML shape ({@link YamlShape}), then bound to the spec classes, then resolved, with
 * every field that reaches a shell checked by its role ({@link FieldRules}).
 */
public final class InventoryLoader {
    /** Far above a thousand hosts; a bigger file is a mistake (or an attack on the parser). */
    static final long MAX_BYTES = 1 << 20;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final Path home;

    /** @param home the user's home directory, for {@code ~/} in identity file paths */
    public InventoryLoader(Path home) {
        this.home = home;
    }

    public Inventory load(Path file) throws InventoryException {
        String text = read(file);
        if (text.isBlank()) {
            throw new InventoryException(file, 1, 1, null, "the file is empty; expected 'environment' and 'hosts'");
        }
        Map<String, int[]> keys;
        try {
            keys = YamlShape.check(file, text);
        } catch (YAMLException e) {
            throw syntax(file, text, e);
        }
        InventoryFileSpec spec;
        UnknownFields unknown = new UnknownFields();
        List<InventoryException> problems = new ArrayList<>();
        try {
            spec = yaml.readerFor(InventoryFileSpec.class).withHandler(unknown).readValue(text);
        } catch (JacksonException e) {
            unknown.found().forEach(u -> problems.add(translate(file, text, u, keys)));
            problems.add(translate(file, text, e, keys));
            throw InventoryException.of(problems);
        }
        unknown.found().forEach(u -> problems.add(translate(file, text, u, keys)));
        if (spec == null) {
            throw new InventoryException(file, 1, 1, null, "the file is empty; expected 'environment' and 'hosts'");
        }
        Inventory inventory = null;
        try {
            inventory = new InventoryResolver(file, home, keys).resolve(spec);
        } catch (InventoryException e) {
            problems.add(e);
        }
        if (!problems.isEmpty()) {
            throw InventoryException.of(problems);
        }
        return inventory;
    }

    private static String read(Path file) throws InventoryException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InventoryException(file, 1, 1, null, "the file is " + Files.size(file)
                        + " bytes; an inventory may be at most " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InventoryException(file, 0, 0, null, "file not found");
        } catch (IOException e) {
            throw new InventoryException(file, 0, 0, null, "cannot read: " + e.getMessage());
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new InventoryException(file, line, in.position() - lineStart + 1, null,
                    "not UTF-8 text (byte " + (in.position() + 1) + ")");
        }
        utf8.flush(out);
        return out.flip().toString();
    }

    private static InventoryException syntax(Path file, String text, YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return new InventoryException(file, mark.getLine() + 1, mark.getColumn() + 1, null,
                    "not valid YAML: " + context + marked.getProblem());
        }
        if (e instanceof ReaderException reader) {
            int[] at = lineAndColumn(text, reader.getPosition());
            return new InventoryException(file, at[0], at[1], null, "holds "
                    + FieldRules.describe(reader.getCodePoint()) + ", which YAML does not allow");
        }
        return new InventoryException(file, 1, 1, null, "not valid YAML: " + firstLine(e.getMessage()));
    }

    /** 1-based line and column of a code point index. */
    private static int[] lineAndColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            index++;
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static InventoryException translate(Path file, String text, JacksonException e, Map<String, int[]> keys) {
        MarkedYAMLException syntax = syntaxError(e);
        if (syntax != null) {
            return syntax(file, text, syntax);
        }
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : null;
        JsonLocation at = e.getLocation();
        int[] key = keys.getOrDefault(field == null ? "" : field, new int[] {1, 1});
        boolean known = at != null && at.getLineNr() >= 1;
        int line = known ? at.getLineNr() : key[0];
        int column = known && at.getColumnNr() >= 1 ? at.getColumnNr() : key[1];
        if (causedBy(e, StreamConstraintsException.class)) {
            return new InventoryException(file, line, column, field, "this value is too long to be read as "
                    + "a number; expected a short number");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            column = columnOfKey(text, line, unknown.getPropertyName(), column);
            String secret = NotifyRules.secretKeyAdvice(unknown.getPropertyName(), unknown.getKnownPropertyIds());
            if (secret != null) {
                return new InventoryException(file, line, column, field, secret);
            }
            return new InventoryException(file, line, column, field, "unknown field "
                    + FieldRules.show(unknown.getPropertyName()) + "; known fields: " + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException && e.getCause() != null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new InventoryException(file, line, column, field, cause.getMessage());
        }
        if (e instanceof InvalidFormatException bad) {
            return new InventoryException(file, line, column, field,
                    "expected " + describe(bad.getTargetType()) + ", got " + FieldRules.show(String.valueOf(bad.getValue())));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InventoryException(file, line, column, field,
                    "expected " + describe(mismatch.getTargetType()));
        }
        return new InventoryException(file, line, column, field, firstLine(e.getOriginalMessage()));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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
