package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must be filled before a script may run, and the environment variables it reads. Shell syntax
 * ($(…), ${VAR:-x}, $VAR, <<EOF, < file, 2>&1, [[ … ]]) and Go templates in --format are not placeholders.
 */
final class PlaceholderFinder {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");
    private static final Set<String> GO_TEMPLATE_WORDS = Set.of("range", "end", "if", "else", "with", "define",
            "template", "block", "len", "index", "printf", "print", "println", "json", "join", "eq", "ne", "lt",
            "le", "gt", "ge", "and", "or", "not", "upper", "lower", "title", "table", "slice", "html", "js", "call");
    private static final Pattern GO_TEMPLATE_ARG = Pattern.compile(
            "(?:--format|--template|go-template|jsonpath|-f)[= ](\"[^\"]*\"|'[^']*')");
    private static final Pattern ANGLE = Pattern.compile("(?<![<\\\\])<([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+|"
            + "[a-z][a-z0-9]*)>(?!>)");
    private static final Pattern BRACKET = Pattern.compile("(?<![\\[\\\\])\\[([A-Z][A-Z0-9_]*(?:[ _-][A-Z0-9_]+)*)](?!])");
    private static final Pattern WORD = Pattern.compile("[A-Z]{2,}");
    private static final Pattern REPLACE = Pattern.compile(
            "^(.*?\\S)\\s+#\\s*(?:TODO:?\\s*)?(?:replace|change|substitute)\\s+(?:with|by|to)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENV_READ = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?:^|[\\s;&|(])(?:export\\s+|local\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern LOOP_OR_READ = Pattern.compile(
            "\\b(?:for\\s+([A-Za-z_]\\w*)\\s+in|read\\s+(?:-\\w+\\s+)*([A-Za-z_]\\w*))");
    private static final Set<String> SHELL_VARIABLES = Set.of("HOME", "PATH", "PWD", "OLDPWD", "USER", "SHELL",
            "HOSTNAME", "RANDOM", "LINENO", "SECONDS", "IFS", "UID", "EUID", "PPID", "TERM", "BASH_SOURCE",
            "BASH_VERSION", "LOGNAME", "LANG", "TMPDIR");

    private PlaceholderFinder() {
    }

    static List<Placeholder> placeholders(String script, int firstLine) {
        List<Placeholder> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        int lineStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = lineStart;
            lineStart += line.length() + 1;
            if (line.strip().startsWith("#")) {
                continue;
            }
            int at = firstLine + i;
            String masked = maskGoTemplates(line);
            Matcher v = VARIABLE.matcher(masked.contains("{{") ? masked : "");
            while (v.find()) {
                if (!GO_TEMPLATE_WORDS.contains(v.group(1))) {
                    found.add(new Placeholder(Placeholder.Kind.VARIABLE, v.group(), v.group(1), at, null,
                            start + v.start()));
                }
            }
            String code = withoutComment(masked);
            Matcher a = ANGLE.matcher(code.indexOf('<') >= 0 ? code : "");
            while (a.find()) {
                found.add(new Placeholder(Placeholder.Kind.ANGLE, a.group(), a.group(1), at, null,
                        start + a.start()));
            }
            Matcher b = BRACKET.matcher(code.indexOf('[') >= 0 ? code : "");
            while (b.find()) {
                if (WORD.matcher(b.group(1)).find()) { // [A-Z] is a character class, [REASON] a placeholder
                    found.add(new Placeholder(Placeholder.Kind.BRACKET, b.group(), b.group(1), at, null,
                            start + b.start()));
                }
            }
            Matcher r = REPLACE.matcher(line);
            if (line.indexOf('#') >= 0 && r.matches()) {
                String before = r.group(1).strip();
                String literal = before.substring(before.lastIndexOf(' ') + 1);
                found.add(new Placeholder(Placeholder.Kind.REPLACE_LITERAL, literal, literal, at,
                        "replace with " + r.group(2).strip(), start + r.end(1) - literal.length()));
            }
        }
        return found;
    }

    static List<String> environmentVariables(String script) {
        Set<String> assigned = new LinkedHashSet<>();
        Set<String> read = new LinkedHashSet<>();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher a = ASSIGNED.matcher(line.indexOf('=') >= 0 ? line : "");
            while (a.find()) {
                assigned.add(a.group(1));
            }
            Matcher l = LOOP_OR_READ.matcher(line.contains("for") || line.contains("read") ? line : "");
            while (l.find()) {
                assigned.add(l.group(1) != null ? l.group(1) : l.group(2));
            }
            Matcher r = ENV_READ.matcher(line.indexOf('$') >= 0 ? line : "");
            while (r.find()) {
                read.add(r.group(1));
            }
        }
        read.removeAll(assigned);
        read.removeAll(SHELL_VARIABLES);
        return List.copyOf(read);
    }

    private static String maskGoTemplates(String line) {
        if (line.indexOf('"') < 0 && line.indexOf('\'') < 0) {
            return line;
        }
        Matcher m = GO_TEMPLATE_ARG.matcher(line);
        StringBuilder out = new StringBuilder(line);
        while (m.find()) {
            for (int i = m.start(1); i < m.end(1); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** The line up to a comment that starts after whitespace (a rough cut: # inside quotes stays). */
    private static String withoutComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
