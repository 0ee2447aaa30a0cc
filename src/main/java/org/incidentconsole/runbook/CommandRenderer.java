package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Fills values into a script as data, never code: each value is checked against its type, then inserted as one
 * shell word for where it stands — bare, inside "…", inside '…' or in a here-document — or refused when it
 * cannot be. The danger analysis runs again on the filled script.
 */
public final class CommandRenderer {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    /** A filled script and every danger in it: the block's own and any the values brought. */
    public record Rendered(String script, List<Danger> dangers) {
        public Rendered {
            dangers = List.copyOf(dangers);
        }
    }

    private CommandRenderer() {
    }

    /**
     * @param value the value of a placeholder (never null: missing values are caught before)
     * @param type  the rule that value follows
     */
    public static Rendered render(CodeBlock block, Function<Placeholder, String> value,
                                  Function<Placeholder, ValueType> type) throws ValueRejectedException {
        String script = fill(block.script(), block.placeholders(), value, type);
        int firstLine = block.line() + 1;
        List<Danger> dangers = new ArrayList<>(DangerDetector.dangers(script, firstLine, null));
        Set<String> seen = new HashSet<>();
        dangers.forEach(d -> seen.add(d.line() + " " + d.reason()));
        String[] lines = script.split("\n", -1);
        for (Danger d : block.dangers()) {
            if (seen.add(d.line() + " " + d.reason())) {
                int index = d.line() - firstLine;
                String command = index >= 0 && index < lines.length ? lines[index].strip() : d.command();
                dangers.add(d.withCommand(command));
            }
        }
        dangers.sort(Comparator.comparingInt(Danger::line));
        return new Rendered(script, dangers);
    }

    /**
     * Fills the earlier variables' values into a {@code suggest:} command. A placeholder with no value yet is
     * refused too: the suggestion cannot run.
     */
    public static String renderCommand(String command, Map<String, String> values, Map<String, ValueType> types)
            throws ValueRejectedException {
        List<Placeholder> found = PlaceholderFinder.placeholders(command, 1).stream()
                .filter(p -> p.kind() == Placeholder.Kind.VARIABLE || p.kind() == Placeholder.Kind.FOREIGN_TEMPLATE
                        && (values.containsKey(p.name()) || types.containsKey(p.name()))).toList();
        for (Placeholder p : found) {
            if (values.get(p.name()) == null) {
                throw new ValueRejectedException(p.name(), "has no value yet");
            }
        }
        return fill(command, found, p -> values.get(p.name()),
                p -> types.getOrDefault(p.name(), ValueType.infer(p.name(), null)));
    }

    /** The script with each placeholder replaced by its value, quoted for its place. */
    static String fill(String script, List<Placeholder> placeholders, Function<Placeholder, String> value,
                       Function<Placeholder, ValueType> type) throws ValueRejectedException {
        List<Placeholder> sorted = new ArrayList<>(placeholders);
        sorted.sort(Comparator.comparingInt(Placeholder::offset));
        List<Placeholder> kept = new ArrayList<>();
        int end = 0;
        char[] masked = script.toCharArray();
        for (Placeholder p : sorted) {
            if (p.offset() >= end && p.offset() + p.token().length() <= script.length()
                    && script.startsWith(p.token(), p.offset())) {
                kept.add(p);
                end = p.offset() + p.token().length();
                for (int i = p.offset(); i < end; i++) {
                    masked[i] = 'x';
                }
            }
        }
        ShellContexts contexts = ShellContexts.scan(new String(masked));
        StringBuilder out = new StringBuilder(script.length() + 64);
        List<int[]> heredocChecks = new ArrayList<>();
        int from = 0;
        for (Placeholder p : kept) {
            String v = value.apply(p);
            String label = label(p);
            String problem = type.apply(p).problem(v);
            if (problem != null) {
                throw new ValueRejectedException(label, problem);
            }
            out.append(script, from, p.offset());
            ShellContexts.Context context = contexts.at(p.offset());
            String misplaced = placementProblem(script, p.offset(), context);
            if (misplaced != null) {
                throw new ValueRejectedException(label, misplaced);
            }
            if (context == ShellContexts.Context.HEREDOC || context == ShellContexts.Context.HEREDOC_LITERAL) {
                heredocChecks.add(new int[] {out.length(), p.offset()});
            }
            out.append(word(label, v, context));
            from = p.offset() + p.token().length();
        }
        out.append(script, from, script.length());
        String rendered = out.toString();
        for (int[] check : heredocChecks) {
            ShellContexts.Heredoc h = contexts.heredocAt(check[1]);
            int start = rendered.lastIndexOf('\n', check[0] - 1) + 1;
            int eol = rendered.indexOf('\n', check[0]);
            String line = rendered.substring(start, eol < 0 ? rendered.length() : eol);
            if (h != null && (h.stripTabs() ? line.replaceFirst("^\t+", "") : line).equals(h.delimiter())) {
                Placeholder p = kept.stream().filter(k -> k.offset() == check[1]).findFirst().orElseThrow();
                throw new ValueRejectedException(label(p),
                        "would end the here-document early (its line would read " + h.delimiter() + ")");
            }
        }
        return rendered;
    }

    /** How a placeholder is named to the operator: the variable's name, else the text to replace. */
    private static String label(Placeholder p) {
        return p.kind() == Placeholder.Kind.VARIABLE || p.kind() == Placeholder.Kind.FOREIGN_TEMPLATE ? p.name()
                : p.token();
    }

    /**
     * Why no value can stand at {@code offset} (where the script reads {@code context}), or null: inside
     * backticks or {@code $'…'}, or right after a {@code $} or a backslash, which would join the value's first
     * character ({@code $(}, {@code $'}, an escaped quote).
     */
    static String placementProblem(String script, int offset, ShellContexts.Context context) {
        if (context == ShellContexts.Context.UNSUPPORTED) {
            return "stands inside backticks, $'…' or a here-document line that runs a command, where no value can"
                    + " be inserted safely";
        }
        if (context == ShellContexts.Context.SINGLE_QUOTED || context == ShellContexts.Context.HEREDOC_LITERAL) {
            return null; // $ and \ are plain characters there
        }
        int backslashes = 0;
        while (offset - backslashes - 1 >= 0 && script.charAt(offset - backslashes - 1) == '\\') {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            return "follows a backslash in the script, which would escape the value's first character";
        }
        if (backslashes == 0 && offset > 0 && script.charAt(offset - 1) == '$') {
            return "follows a $ in the script, which would make the value an expansion";
        }
        return null;
    }

    /** One value as one shell word for its place in the script. */
    static String word(String label, String value, ShellContexts.Context context) throws ValueRejectedException {
        return switch (context) {
            // in a comment too: harmless there, and still one word if the comment was misread
            case BARE, COMMENT -> SAFE.matcher(value).matches() && !value.startsWith("-") ? value : singleQuoted(value);
            case DOUBLE_QUOTED -> escaped(value, "\\$`\"");
            case PARAMETER, ARITHMETIC -> {
                if (!SAFE.matcher(value).matches()) {
                    throw new ValueRejectedException(label, "stands inside "
                            + (context == ShellContexts.Context.PARAMETER ? "${…}" : "$((…)) or ((…))")
                            + " in the script, where only letters, digits and @ % + = : , . / _ - can be inserted safely");
                }
                yield value;
            }
            case HEREDOC -> escaped(value, "\\$`");
            case HEREDOC_LITERAL -> value;
            case SINGLE_QUOTED -> {
                if (value.indexOf('\'') >= 0) {
                    throw new ValueRejectedException(label, "contains ' but stands inside '…' in the script, where"
                            + " it would end the quotes");
                }
                yield value;
            }
            case UNSUPPORTED -> throw new ValueRejectedException(label, placementProblem("", 0, context));
        };
    }

    /** {@code '…'} with each {@code '} written as {@code '\''}: the shell reads it back unchanged. */
    public static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String escaped(String value, String special) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
