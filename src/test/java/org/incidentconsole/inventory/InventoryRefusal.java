package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** Loads an inventory that must be refused and checks the refusal is one located sentence, nothing else. */
final class InventoryRefusal {
    /** The first host of every table row; rows add lines below it (its next line is line 7). */
    static final String BASE = """
            environment: production
            defaults:
              user: deploy
            hosts:
              - name: web-01
                address: 10.0.0.1
            """;

    private InventoryRefusal() {
    }

    /** BASE with extra lines in the first host entry, indented as its fields. */
    static String withHost(String... lines) {
        StringBuilder out = new StringBuilder(BASE);
        for (String line : lines) {
            out.append("    ").append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * Loads {@code file}; asserts an InventoryException (no other exception escapes) whose message starts with
     * "file:line:" and holds no stack trace text. Answers the exception, or null when the file loaded.
     */
    static InventoryException loadOrRefusal(Path file, String context) {
        try {
            new InventoryLoader(Path.of("/home/operator")).load(file);
            return null;
        } catch (InventoryException e) {
            assertLocated(file, e, context);
            return e;
        } catch (Throwable t) {
            throw new AssertionError(context + ": " + t.getClass().getName() + " escaped the loader: " + t, t);
        }
    }

    static void assertLocated(Path file, InventoryException e, String context) {
        assertThat(e.getMessage()).as(context).matches("\\Q" + file + "\\E:[1-9][0-9]*:[1-9][0-9]*: .+")
                .doesNotContain("\n", "\r", "Exception", "\tat ", "java.", "com.fasterxml", "org.yaml")
                .as(context + ": no Java method named in the message").doesNotContainPattern("[A-Za-z]\\.[a-z][A-Za-z]*\\(\\)");
        assertThat(e.getMessage().length()).as(context + ": one bounded sentence, whatever the value's size")
                .isLessThan(file.toString().length() + 600);
        assertThat(e.line()).as(context).isPositive();
    }
}
