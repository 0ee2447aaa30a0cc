package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must be filled before a script may run, and the environment variables it reads. Only where the
 * shell would run the text: comments, {@code ${VAR:?message}} messages, quoted strings of an echo/log/usage,
 * here-documents that are data, log tags such as {@code [ERROR]}, {@code [[ … ]]} tests, globs and arrays are
 * not placeholders. The shell reading goes through {@link ShellReading}.
 */
final class PlaceholderFinder {
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

    /** Every placeholder of the script in order; {@code {{…}}} in a foreign place is a FOREIGN_TEMPLATE. */
    static List<Placeholder> placeholders(String script, int firstLine) {
        PlaceholderScript s = new PlaceholderScript(script, firstLine, true);
        List<Placeholder> found = new ArrayList<>();
        variables(s, found);
        shaped(s, PlaceholderRules.ANGLE, Placeholder.Kind.ANGLE, found);
        shaped(s, PlaceholderRules.BRACKET, Placeholder.Kind.BRACKET, found);
        shaped(s, PlaceholderRules.YOUR, Placeholder.Kind.NAMED, found);
        shaped(s, PlaceholderRules.DESCRIPTIVE, Placeholder.Kind.NAMED, found);
        ReplaceComments.find(s, found);
        found.sort(Comparator.comparingInt(Placeholder::offset));
        return found;
    }

    /**
     * The block as a step holds it: a foreign template whose name the runbook declares is a variable; any other
     * is left as written (another tool fills it).
     */
    static CodeBlock settled(CodeBlock block, Set<String> declared) {
        if (block.placeholders().stream().noneMatch(p -> p.kind() == Placeholder.Kind.FOREIGN_TEMPLATE)) {
            return block;
        }
        List<Placeholder> kept = new ArrayList<>();
        for (Placeholder p : block.placeholders()) {
            if (p.kind() != Placeholder.Kind.FOREIGN_TEMPLATE) {
                kept.add(p);
            } else if (declared.contains(p.name())) {
                kept.add(new Placeholder(Placeholder.Kind.VARIABLE, p.token(), p.name(), p.line(), p.hint(),
                        p.offset()));
            }
        }
        return new CodeBlock(block.line(), block.language(), block.name(), block.text(), block.runnable(),
                block.script(), block.labels(), kept, block.environmentVariables(), block.dangers(),
                block.alternatives());
    }

    /**
     * The foreign templates a settled block left as written ({@code {{ inventory_hostname }}} under ansible -a):
     * every {@code {{…}}} of its script that is not among its placeholders.
     */
    static List<Placeholder> foreignTemplates(CodeBlock settled) {
        Set<Integer> kept = new HashSet<>();
        settled.placeholders().forEach(p -> kept.add(p.offset()));
        List<Placeholder> all = new ArrayList<>();
        variables(new PlaceholderScript(settled.script(), settled.line() + 1, false), all);
        return all.stream().filter(p -> !kept.contains(p.offset())).toList();
    }

    /** {@code {{name}}} outside comment lines and Go templates; without a shell reading, every one is a VARIABLE. */
    private static void variables(PlaceholderScript s, List<Placeholder> found) {
        String text = s.text();
        if (!text.contains("{{")) {
            return;
        }
        for (int line = 0; line < s.lineCount(); line++) {
            int start = s.lineStart(line);
            String code = text.substring(start, s.lineEnd(line));
            if (code.strip().startsWith("#") || !code.contains("{{")) {
                continue;
            }
            Matcher v = PlaceholderRules.VARIABLE.matcher(maskGoTemplates(code));
            while (v.find()) {
                String name = v.group(1);
                if (PlaceholderRules.GO_TEMPLATE_WORDS.contains(name)) {
                    continue;
                }
                int at = start + v.start();
                Placeholder.Kind kind = s.reads() && foreign(s, at, name) ? Placeholder.Kind.FOREIGN_TEMPLATE
                        : Placeholder.Kind.VARIABLE;
                found.add(new Placeholder(kind, v.group(), name, s.firstLine() + line, null, at));
                s.take(at, start + v.end());
            }
        }
    }

    /** Where {@code {{…}}} is more likely another tool's template than a runbook variable. */
    private static boolean foreign(PlaceholderScript s, int at, String name) {
        if (name.indexOf('.') >= 0 || at > 0 && s.text().charAt(at - 1) == '$') {
            return true; // {{ secrets.TOKEN }}, ${{ github.sha }}
        }
        ShellContexts.Context c = s.shell().contextAt(at);
        if (c == ShellContexts.Context.SINGLE_QUOTED || c == ShellContexts.Context.HEREDOC
                || c == ShellContexts.Context.HEREDOC_LITERAL || s.shell().heredocBody(at) != null) {
            return true;
        }
        if (!s.mayHoldTemplateOptions()) {
            return false;
        }
        ShellReading.Command command = s.shell().commandAt(at);
        int index = command == null ? -1 : command.indexAt(at);
        if (index < 0) {
            return false;
        }
        ShellReading.Word word = command.words().get(index);
        if (word.text().startsWith("--extra-vars=") || word.text().startsWith("--args=")) {
            return true;
        }
        String option = index > 0 ? command.words().get(index - 1).text() : "";
        return PlaceholderRules.TEMPLATE_OPTIONS.contains(option) || PlaceholderRules.ANSIBLE_TEMPLATE_OPTIONS
                .contains(option) && command.program().startsWith("ansible");
    }

    private static void shaped(PlaceholderScript s, Pattern shape, Placeholder.Kind kind, List<Placeholder> found) {
        String text = s.text();
        if (PlaceholderRules.CLUES.get(shape).stream().noneMatch(text::contains)) {
            return; // a cheap look first: most scripts hold none of these shapes
        }
        Matcher m = shape.matcher(text);
        while (m.find()) {
            int at = m.start();
            String inner = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
            if (s.taken(at, m.end()) || !s.runs(at) || !fits(s, kind, at, inner)) {
                continue;
            }
            found.add(new Placeholder(kind, m.group(), inner, s.lineOf(at), null, at));
            s.take(at, m.end());
        }
    }

    /** The shape's own rules: markup is not an angle placeholder, a glob or log tag not a bracket one. */
    private static boolean fits(PlaceholderScript s, Placeholder.Kind kind, int at, String inner) {
        ShellContexts.Context c = s.shell().contextAt(at);
        if (kind == Placeholder.Kind.ANGLE) {
            return !PlaceholderRules.MARKUP_TAGS.contains(inner.toLowerCase(Locale.ROOT)) && !s.inMarkup(at);
        }
        if (kind != Placeholder.Kind.BRACKET) {
            return true;
        }
        if (s.shell().inTest(at) || PlaceholderRules.LOG_TAGS.contains(inner.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (inner.indexOf(' ') >= 0) {
            return inner.indexOf(' ') >= 2;
        }
        String[] parts = inner.split("[_-]");
        if (parts.length > 1) {
            for (String part : parts) {
                if (part.length() < 2) {
                    return false; // [a-z], [A-Za-z]: a character class
                }
            }
            return true;
        }
        if (inner.length() >= 2 && inner.equals(inner.toUpperCase(Locale.ROOT))) {
            return true; // [REASON]
        }
        return inner.length() >= 3 && c == ShellContexts.Context.BARE; // git checkout [tag]
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
        if (line.indexOf('"') < 0 && line.indexOf('\'') < 0
                || !line.contains("-f") && !line.contains("template") && !line.contains("jsonpath")) {
            return line;
        }
        Matcher m = PlaceholderRules.GO_TEMPLATE_ARG.matcher(line);
        StringBuilder out = new StringBuilder(line);
        while (m.find()) {
            for (int i = m.start(1); i < m.end(1); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}
