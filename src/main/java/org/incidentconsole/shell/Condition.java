package org.incidentconsole.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A condition of a danger rule, written in the table as {@code name=alternatives} ({@code ,}-separated) or
 * {@code name~regex}, {@code !} in front to negate:
 * <ul>
 * <li>{@code arg=a,b} / {@code arg~re}: a positional argument (not an option) is one of them / matches, after the
 *     one the previous {@code arg} condition matched (so {@code arg=rollout arg=undo} reads in order);
 * <li>{@code opt=-r,--force}: an option is present; a one-letter option also inside a cluster ({@code -rf});
 *     {@code --long*} also matches longer options and {@code --long=value};
 * <li>{@code val=-X,--request:DELETE,PURGE}: one of the options has one of the values ({@code -X DELETE},
 *     {@code -XDELETE}, {@code --request=DELETE});
 * <li>{@code word~re}: any argument, option or not, matches, as written (quotes included);
 * <li>{@code input~re}: the pipeline stages before the command match (what it reads on standard input);
 * <li>{@code stdin=file}: standard input comes from a file ({@code < dump.sql});
 * <li>{@code write~re}: output overwrites ({@code >}) a file whose name matches.
 * </ul>
 * SQL and Redis words compare without case; regexes are found anywhere, case-insensitively, unless anchored.
 */
public record Condition(String name, boolean negated, Set<String> alternatives, Set<String> values, Pattern pattern) {
    static Condition parse(String text) {
        boolean negated = text.startsWith("!");
        String body = negated ? text.substring(1) : text;
        int tilde = body.indexOf('~');
        int eq = body.indexOf('=');
        if (tilde > 0 && (eq < 0 || tilde < eq)) {
            return new Condition(body.substring(0, tilde), negated, Set.of(), Set.of(),
                    Pattern.compile(body.substring(tilde + 1), Pattern.CASE_INSENSITIVE));
        }
        if (eq <= 0) {
            throw new IllegalArgumentException("condition needs name=values or name~regex: " + text);
        }
        String name = body.substring(0, eq);
        String rest = body.substring(eq + 1);
        Set<String> values = Set.of();
        if (name.equals("val")) {
            int colon = rest.indexOf(':');
            values = Set.of(rest.substring(colon + 1).toUpperCase(Locale.ROOT).split(","));
            rest = rest.substring(0, colon);
        }
        return new Condition(name, negated, Set.of(rest.split(",")), values, null);
    }

    boolean test(SimpleCommand command, int[] position) {
        boolean found = switch (name) {
            case "arg" -> argument(command, position);
            case "opt" -> command.arguments().stream().anyMatch(this::option);
            case "val" -> value(command.arguments());
            case "word" -> command.arguments().stream().anyMatch(w -> pattern.matcher(w.raw()).find());
            case "input" -> pattern.matcher(command.input()).find();
            case "stdin" -> command.redirects().stream().anyMatch(r -> r.operator().equals("<"));
            case "write" -> command.redirects().stream()
                    .anyMatch(r -> r.overwrites() && pattern.matcher(r.target().text()).find());
            default -> throw new IllegalStateException("unknown condition " + name);
        };
        return found != negated;
    }

    private boolean argument(SimpleCommand command, int[] position) {
        List<Word> args = command.arguments();
        boolean anyCase = command.language() != Language.SHELL;
        for (int i = position[0]; i < args.size(); i++) {
            Word w = args.get(i);
            if (w.isOption() && command.language() == Language.SHELL) {
                continue;
            }
            String t = w.text();
            boolean hit = pattern != null ? pattern.matcher(t).find()
                    : anyCase ? alternatives.contains(t.toUpperCase(Locale.ROOT)) : alternatives.contains(t);
            if (hit) {
                position[0] = i + 1;
                return true;
            }
        }
        return false;
    }

    private boolean option(Word w) {
        if (!w.isOption()) {
            return false;
        }
        String t = w.text();
        for (String alt : alternatives) {
            if (alt.startsWith("--")) {
                if (alt.endsWith("*") ? t.startsWith(alt.substring(0, alt.length() - 1))
                        : t.equals(alt) || t.startsWith(alt + "=")) {
                    return true;
                }
            } else if (alt.length() == 2 && !t.startsWith("--")) {
                if (t.equals(alt) || t.chars().skip(1).allMatch(Character::isLetter) && t.indexOf(alt.charAt(1)) > 0) {
                    return true;
                }
            } else if (t.equals(alt)) {
                return true;
            }
        }
        return false;
    }

    private boolean value(List<Word> args) {
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            for (String opt : alternatives) {
                String v = null;
                if (t.equals(opt) && i + 1 < args.size()) {
                    v = args.get(i + 1).text();
                } else if (opt.startsWith("--") && t.startsWith(opt + "=")) {
                    v = t.substring(opt.length() + 1);
                } else if (!opt.startsWith("--") && t.startsWith(opt) && t.length() > opt.length()) {
                    v = t.substring(opt.length());
                }
                if (v != null && values.contains(v.toUpperCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
