package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problems found in one {@code notify:} block, each at the line and column of its key (or of the nearest
 * enclosing key the file has), all reported at once. A secret's value is never part of a message.
 */
final class NotifyProblems {
    private final Path file;
    private final Map<String, int[]> keys;
    private final List<InventoryException> found = new ArrayList<>();

    NotifyProblems(Path file, Map<String, int[]> keyPositions) {
        this.file = file;
        this.keys = keyPositions;
    }

    void add(String path, String message) {
        int[] at = at(path);
        found.add(new InventoryException(file, at[0], at[1], path, message));
    }

    void add(String path, int line, int column, String message) {
        found.add(new InventoryException(file, line, column, path, message));
    }

    int count() {
        return found.size();
    }

    void throwAny() throws InventoryException {
        if (!found.isEmpty()) {
            throw InventoryException.of(found);
        }
    }

    /** Where the text of the literal block ({@code |}) at {@code path} begins, else where its key is. */
    int[] textAt(String path) {
        return keys.getOrDefault(path + YamlShape.LITERAL, at(path));
    }

    /** The line and column of the key at {@code path}, or of the nearest enclosing key the file has. */
    int[] at(String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            int[] at = keys.get(p);
            if (at != null) {
                return at;
            }
        }
        return new int[] {1, 1};
    }

    /** The name of an environment variable, or null (with a problem that never shows the value) when it is not. */
    String envName(String path, String value) {
        if (value == null) {
            return null;
        }
        Optional<String> secret = NotifyRules.secretKind(value);
        if (secret.isPresent()) {
            add(path, "this holds " + secret.get() + " (not shown) where the name of an environment variable "
                    + "belongs; secrets never go in the file: put the value in an environment variable and write "
                    + "that variable's name here (letters, digits and '_', not starting with a digit)");
            return null;
        }
        return value.strip();
    }
}
