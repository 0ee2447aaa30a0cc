package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the shipped example inventory (seeded; {@code -Dfuzz.seed=N} replays a run): every
 * mutant either loads or is refused with an InventoryException located at file:line:column, never anything else.
 */
class InventoryMutationFuzzTest {
    private static final int MUTANTS = 2000;
    private static final String[] INSERTS = {"-", "- ", ":", ": ", "&a ", "*a", "<<: ", "!!str ", "!x ", "[", "]",
        "{", "}", ",", "#", "'", "\"", "|", ">", "?", "~", "null", "\t", "\n", "\n  -\n", "\n---\n", " ", "  ",
        "\u0435", "\u200b", "\u202e", "\ufeff", "\u0000", "\u0007", "\u001b", "\u0085", "\u2028", "$(id)", "`id`",
        ";", "\\", "\\n", "%", "@", "0x1F", "99999999999", "-1", "yes", "no", ".inf", "environment: drill\n"};

    @TempDir
    Path dir;

    @Test
    void every_mutant_of_the_example_loads_or_is_refused_at_a_line() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        String example = Files.readString(Path.of("inventory.example.yaml"));
        Path file = dir.resolve("inventory.yaml");
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < MUTANTS; i++) {
            String mutant = example;
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutant = mutate(mutant, random);
            }
            Files.writeString(file, mutant);
            String context = "mutant " + i + " (seed " + seed + ", replay with -Dfuzz.seed=" + seed + "):\n" + mutant;
            InventoryException e = InventoryRefusal.loadOrRefusal(file, context);
            outcomes.merge(e == null ? "loaded" : kind(e.getMessage()), 1, Integer::sum);
        }
        System.out.println("inventory mutation fuzz, seed " + seed + ", " + MUTANTS + " mutants: " + outcomes);
        assertThat(outcomes.keySet()).as("seed " + seed).contains("loaded").hasSizeGreaterThan(5);
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(8)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
            case 2 -> {
                int other = random.nextInt(lines.size());
                String line = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
            case 3 -> lines.set(at, reindent(lines.get(at), random));
            case 4 -> lines.set(at, replaceValue(lines.get(at), random));
            case 5 -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            default -> {
                int pos = random.nextInt(text.length() + 1);
                String insert = INSERTS[random.nextInt(INSERTS.length)];
                return random.nextBoolean() || pos == text.length() ? text.substring(0, pos) + insert
                        + text.substring(pos) : text.substring(0, pos) + insert + text.substring(pos + 1);
            }
        }
        return String.join("\n", lines);
    }

    private static String reindent(String line, Random random) {
        String stripped = line.stripLeading();
        return " ".repeat(random.nextInt(12)) + stripped;
    }

    private static String replaceValue(String line, Random random) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return line;
        }
        String value = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "[]";
            case 2 -> "{}";
            case 3 -> "x".repeat(random.nextInt(100_000));
            case 4 -> INSERTS[random.nextInt(INSERTS.length)];
            default -> "\"/var/www/app$(touch pwned)\"";
        };
        return line.substring(0, colon + 2) + value;
    }

    /** The message without its location and quoted values: what kind of refusal it was. */
    private static String kind(String message) {
        String problem = message.substring(message.indexOf(": ") + 2).replaceFirst("^'[^']*': ", "");
        String[] words = problem.replaceAll("'[^']*'", "_").split("[ ;:(]+");
        return String.join(" ", Arrays.copyOf(words, Math.min(3, words.length)));
    }
}
