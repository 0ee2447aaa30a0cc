package org.incidentconsole.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The danger rules, read from {@code dangers.table} next to this class: one rule a row,
 * {@code language | command[,command…] | conditions | KIND | reason}. The first matching row wins.
 */
public final class DangerTable {
    private static final List<DangerRule> RULES = load();
    /** The rules for each language and command word, in table order, with the rules for any command merged in. */
    private static final Map<String, List<DangerRule>> BY_COMMAND = index();

    private DangerTable() {
    }

    public static List<DangerRule> rules() {
        return RULES;
    }

    /** The first rule that flags the command, if any; a shell command with --dry-run, --help … never. */
    public static Optional<DangerRule> match(SimpleCommand command) {
        List<DangerRule> candidates = BY_COMMAND.get(command.language() + " " + command.name());
        if (candidates == null) {
            candidates = BY_COMMAND.getOrDefault(command.language() + " *", List.of());
        }
        if (command.language() == Language.SHELL && command.arguments().stream().anyMatch(DangerRule::dryRun)) {
            return Optional.empty();
        }
        for (DangerRule rule : candidates) {
            if (rule.matches(command)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Every command of the script that a rule flags, with the rule, in source order. */
    public static List<Finding> findings(Analysis analysis) {
        List<Finding> out = new ArrayList<>();
        for (SimpleCommand c : analysis.commands()) {
            match(c).ifPresent(rule -> out.add(new Finding(c, rule)));
        }
        return out;
    }

    /** A command and the rule that flags it. */
    public record Finding(SimpleCommand command, DangerRule rule) {
    }

    private static Map<String, List<DangerRule>> index() {
        Map<String, List<DangerRule>> index = new HashMap<>();
        for (DangerRule rule : RULES) {
            for (String c : rule.commands()) {
                index.computeIfAbsent(rule.language() + " " + (c.endsWith("*") ? "*" : c), k -> new ArrayList<>());
            }
        }
        for (var entry : index.entrySet()) {
            String key = entry.getKey();
            for (DangerRule rule : RULES) {
                String name = key.substring(key.indexOf(' ') + 1);
                boolean prefixed = rule.commands().stream().anyMatch(c -> c.length() > 1 && c.endsWith("*"));
                if (key.startsWith(rule.language() + " ") && (rule.commands().contains(name) || rule.anyCommand()
                        || rule.prefixMatch(name) || name.equals("*") && prefixed)) {
                    entry.getValue().add(rule);
                }
            }
        }
        index.values().removeIf(List::isEmpty);
        return index;
    }

    private static List<DangerRule> load() {
        try (InputStream in = DangerTable.class.getResourceAsStream("dangers.table")) {
            if (in == null) {
                throw new IllegalStateException("dangers.table is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<DangerRule> rules = new ArrayList<>();
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                row++;
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    rules.add(parse(line, row));
                }
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DangerRule parse(String line, int row) {
        String[] cols = line.split(" \\| ");
        if (cols.length != 5) {
            throw new IllegalStateException("dangers.table:" + row + ": needs 5 columns separated by ' | '");
        }
        try {
            List<Condition> conditions = new ArrayList<>();
            for (String c : cols[2].strip().split("\\s+")) {
                if (!c.isEmpty() && !c.equals("-")) {
                    conditions.add(Condition.parse(c));
                }
            }
            Language language = Language.valueOf(cols[0].strip().toUpperCase(Locale.ROOT));
            String commands = cols[1].strip();
            if (language != Language.SHELL) {
                commands = commands.toUpperCase(Locale.ROOT);
            }
            return new DangerRule(language, Set.of(commands.split(",")), conditions,
                    DangerKind.valueOf(cols[3].strip()), cols[4].strip(), row);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dangers.table:" + row + ": " + e.getMessage(), e);
        }
    }
}
