package org.incidentconsole.inventory;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The YAML-level rules an inventory obeys before its fields are read: one document, a mapping at the top, every
 * key once per mapping, no anchors, aliases, merge keys or tags, no empty list items or empty values, at most
 * {@value #MAX_DEPTH} levels of nesting, and no control, zero-width or bidi characters in any key or value.
 * SnakeYAML's event stream keeps every position, so each refusal names its line; the positions of the keys are
 * kept for the checks that come after binding (a group's name is a key), and where a literal block's text
 * begins.
 */
final class YamlShape {
    static final int MAX_DEPTH = 20;
    static final int MAX_SCALAR = 65_536;
    static final int MAX_NUMBER = 100;
    /** After a field path: where the text of its literal block ({@code |}) begins, the line after the '|'. */
    static final String LITERAL = "|";
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\.?[0-9][0-9a-fA-FxXoO_.eE+-]*");

    private final Path file;
    private final String[] lines;
    private final Map<String, int[]> keys = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean sawRoot;
    private int documents;

    private static final class Frame {
        final boolean mapping;
        final String path;
        final Map<String, Integer> keyLines = new HashMap<>();
        int index;
        String key;
        boolean expectKey = true;

        Frame(boolean mapping, String path) {
            this.mapping = mapping;
            this.path = path;
        }

        String child() {
            if (!mapping) {
                return path + "[" + index + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    private YamlShape(Path file, String text) {
        this.file = file;
        this.lines = text.split("\n", -1);
    }

    /** Checks the text's shape; answers the 1-based line and column of every key, by its field path. */
    static Map<String, int[]> check(Path file, String text) throws InventoryException {
        YamlShape shape = new YamlShape(file, text);
        for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
            shape.accept(event);
        }
        if (!shape.sawRoot) {
            throw new InventoryException(file, 1, 1, null,
                    "the file holds no settings; expected 'environment' and 'hosts'");
        }
        return shape.keys;
    }

    private void accept(Event event) throws InventoryException {
        switch (event.getEventId()) {
            case DocumentStart -> {
                if (++documents > 1) {
                    throw error(event.getStartMark(), null, "a second YAML document ('---'); an inventory is one "
                            + "document");
                }
            }
            case Alias -> throw error(event.getStartMark(), path(),
                    "anchors and aliases (&x / *x) are not supported; write the value out");
            case Scalar, MappingStart, SequenceStart -> node((NodeEvent) event);
            case MappingEnd, SequenceEnd -> {
                stack.pop();
                consumed();
            }
            default -> {
                // stream start and end, document end, comments
            }
        }
    }

    private void node(NodeEvent event) throws InventoryException {
        Mark at = event.getStartMark();
        Frame parent = stack.peek();
        if (event.getAnchor() != null) {
            throw error(at, path(), "anchors and aliases (&x / *x) are not supported; write the value out");
        }
        String tag = event instanceof ScalarEvent s ? s.getTag()
                : ((CollectionStartEvent) event).getTag();
        if (tag != null) {
            throw error(at, path(), "YAML tags (" + FieldRules.show(tag) + ") are not supported");
        }
        if (parent == null && !(event instanceof MappingStartEvent)) {
            throw error(at, null, "expected a mapping of 'field: value' lines at the top of the file "
                    + "(environment, defaults, groups, hosts)");
        }
        sawRoot = true;
        if (parent != null && parent.mapping && parent.expectKey) {
            key(parent, event);
            return;
        }
        String path = parent == null ? "" : parent.child();
        if (event instanceof ScalarEvent scalar) {
            value(parent, path, scalar);
            consumed();
            return;
        }
        if (stack.size() >= MAX_DEPTH) {
            throw error(at, path, "nested more than " + MAX_DEPTH + " levels deep");
        }
        stack.push(new Frame(event instanceof MappingStartEvent, path));
    }

    private void key(Frame parent, NodeEvent event) throws InventoryException {
        Mark at = event.getStartMark();
        if (!(event instanceof ScalarEvent scalar)) {
            throw error(at, parent.path.isEmpty() ? null : parent.path,
                    "a key must be plain text, not a list or a mapping");
        }
        String key = scalar.getValue();
        characters(at, parent.path, scalar, "key");
        if (key.equals("<<") && scalar.isPlain()) {
            throw error(at, parent.path.isEmpty() ? null : parent.path,
                    "merge keys (<<:) are not supported; write the fields out");
        }
        Integer first = parent.keyLines.putIfAbsent(key, at.getLine() + 1);
        parent.key = key;
        if (first != null) {
            throw error(at, parent.child(), "duplicate key " + FieldRules.show(key) + " (first at line " + first
                    + "); a key may appear once in a mapping");
        }
        keys.put(parent.child(), new int[] {at.getLine() + 1, at.getColumn() + 1});
        parent.expectKey = false;
    }

    private void value(Frame parent, String path, ScalarEvent scalar) throws InventoryException {
        Mark at = scalar.getStartMark();
        if (scalar.isPlain() && NULLS.contains(scalar.getValue())) {
            if (!parent.mapping) {
                throw error(at, path, "empty item in " + (parent.path.isEmpty() ? "the list" : parent.path)
                        + "; remove the '-' or give it a value");
            }
            throw error(at, path, "no value; give one or remove the line");
        }
        if (scalar.isPlain() && scalar.getValue().length() > MAX_NUMBER && NUMBER.matcher(scalar.getValue()).matches()) {
            throw error(at, path, "a number of " + scalar.getValue().length() + " characters; at most " + MAX_NUMBER);
        }
        characters(at, path, scalar, "value");
        if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL) {
            keys.put(path + LITERAL, new int[] {at.getLine() + 2, at.getColumn() + 1});
        }
    }

    /** After a value: a mapping expects its next key, a list its next item. */
    private void consumed() {
        Frame parent = stack.peek();
        if (parent == null) {
            return;
        }
        if (parent.mapping) {
            parent.expectKey = true;
        } else {
            parent.index++;
        }
    }

    private void characters(Mark at, String path, ScalarEvent scalar, String what) throws InventoryException {
        String value = scalar.getValue();
        if (value.length() > MAX_SCALAR) {
            throw error(at, path, "a " + what + " of " + value.length() + " characters; at most " + MAX_SCALAR);
        }
        int index = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            index++;
            if (refused(cp)) {
                int column = columnOf(at, scalar, value.substring(0, i + Character.charCount(cp)));
                throw new InventoryException(file, at.getLine() + 1, column, path == null || path.isEmpty()
                        ? null : path, "the " + what + " holds " + FieldRules.describe(cp) + " at character " + index
                        + "; control, zero-width and bidi characters are not allowed in an inventory");
            }
            i += Character.charCount(cp);
        }
    }

    /** Control (other than tab and newline), format (zero-width, bidi), separator, private or unassigned. */
    static boolean refused(int cp) {
        if (cp == '\t' || cp == '\n') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /** The column of the value's last character in the file when the value is written out as is there. */
    private int columnOf(Mark at, ScalarEvent scalar, String prefix) {
        int column = at.getColumn();
        if (at.getLine() < lines.length && !prefix.contains("\n")) {
            String line = lines[at.getLine()];
            int start = column + (scalar.isPlain() ? 0 : 1);
            if (start <= line.length() && line.startsWith(prefix, start)) {
                return start + prefix.length();
            }
        }
        return column + 1;
    }

    private String path() {
        Frame parent = stack.peek();
        if (parent == null || parent.mapping && parent.expectKey) {
            return parent == null || parent.path.isEmpty() ? null : parent.path;
        }
        return parent.child();
    }

    private InventoryException error(Mark at, String path, String problem) {
        return new InventoryException(file, at.getLine() + 1, at.getColumn() + 1, path, problem);
    }
}
