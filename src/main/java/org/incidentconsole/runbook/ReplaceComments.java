package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal an author asks the operator to change, with a trailing {@code # Replace with …} / {@code # Adjust as
 * needed} comment. The literal is the value of a {@code VAR=value} on the line; else the argument the comment
 * names (a {@code deployment/api} resource, an option such as {@code -n} for "namespace", a word of the shape a
 * "commit hash" has); else the last argument on the line. Only that token, at its place, is the placeholder.
 */
final class ReplaceComments {
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Pattern NOUN = Pattern.compile("[a-z]+");
    /** Kubernetes-style kinds and their short names: "deployment" also finds {@code deploy/api}. */
    private static final Map<String, List<String>> KINDS = Map.ofEntries(
            Map.entry("deployment", List.of("deployment", "deployments", "deploy")),
            Map.entry("pod", List.of("pod", "pods", "po")), Map.entry("service", List.of("service", "svc")),
            Map.entry("statefulset", List.of("statefulset", "sts")), Map.entry("daemonset", List.of("daemonset", "ds")),
            Map.entry("namespace", List.of("namespace", "ns")), Map.entry("job", List.of("job", "jobs")),
            Map.entry("cronjob", List.of("cronjob", "cj")), Map.entry("configmap", List.of("configmap", "cm")),
            Map.entry("secret", List.of("secret", "secrets")), Map.entry("node", List.of("node", "nodes", "no")),
            Map.entry("replicaset", List.of("replicaset", "rs")), Map.entry("ingress", List.of("ingress", "ing")),
            Map.entry("branch", List.of("branch")), Map.entry("release", List.of("release")),
            Map.entry("app", List.of("app")), Map.entry("container", List.of("container")));

    private ReplaceComments() {
    }

    static void find(PlaceholderScript s, List<Placeholder> found) {
        String text = s.text();
        if (text.indexOf('#') < 0) {
            return;
        }
        for (int line = 0; line < s.lineCount(); line++) {
            int start = s.lineStart(line);
            int end = s.lineEnd(line);
            int firstHash = text.indexOf('#', start);
            if (firstHash < 0 || firstHash >= end || !mayAsk(text.substring(firstHash, end))) {
                continue; // a cheap look before the shell reading
            }
            int hash = commentStart(s, start, end);
            if (hash <= start) {
                continue;
            }
            String comment = text.substring(hash, end).strip();
            if (!PlaceholderRules.REPLACE_COMMENT.matcher(comment).matches()) {
                continue;
            }
            List<ShellReading.Word> words = wordsBefore(s, start, hash);
            Token token = token(words, comment.toLowerCase(Locale.ROOT));
            if (token != null && !token.text().isEmpty() && !s.taken(token.at(), token.at() + token.text().length())) {
                String hint = comment.replaceFirst("^#+\\s*", "");
                found.add(new Placeholder(Placeholder.Kind.REPLACE_LITERAL, token.text(), token.name(),
                        s.firstLine() + line, hint, token.at()));
                s.take(token.at(), token.at() + token.text().length());
            }
        }
    }

    private record Token(String text, int at, String name) {
    }

    private static final Pattern VERBS = Pattern.compile("(?i)replace|adjust|substitute|fill|customi|set|update"
            + "|change|edit|modify|use");

    private static boolean mayAsk(String afterHash) {
        return VERBS.matcher(afterHash).find();
    }

    /** Where the line's trailing comment starts, or -1 (a whole-line comment has no literal). */
    private static int commentStart(PlaceholderScript s, int start, int end) {
        for (int i = s.text().indexOf('#', start); i >= 0 && i < end; i = s.text().indexOf('#', i + 1)) {
            if (s.shell().contextAt(i) == ShellContexts.Context.COMMENT) {
                return i;
            }
        }
        return -1;
    }

    /** The words of the commands on the line before its comment, in order. */
    private static List<ShellReading.Word> wordsBefore(PlaceholderScript s, int start, int hash) {
        List<ShellReading.Word> words = new ArrayList<>();
        Set<ShellReading.Command> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = start; i < hash; i++) {
            ShellReading.Command c = s.shell().commandAt(i);
            if (c != null && seen.add(c)) {
                for (ShellReading.Word w : c.words()) {
                    if (w.start() >= start && w.end() <= hash) {
                        words.add(w);
                    }
                }
            }
        }
        words.sort(Comparator.comparingInt(ShellReading.Word::start));
        return words;
    }

    private static Token token(List<ShellReading.Word> words, String comment) {
        for (int i = words.size() - 1; i >= 0; i--) {
            Matcher a = ASSIGNMENT.matcher(words.get(i).text());
            if (a.matches() && !a.group(2).isEmpty()) {
                return value(words.get(i), words.get(i).start() + a.start(2), a.group(2), a.group(1));
            }
        }
        Matcher nouns = NOUN.matcher(comment.replaceFirst("^#+\\s*", ""));
        while (nouns.find()) {
            Token named = named(words, nouns.group());
            if (named != null) {
                return named;
            }
        }
        for (int i = words.size() - 1; i > 0; i--) {
            String w = words.get(i).text();
            if (!w.matches("[0-9]*[<>&|].*")) {
                return value(words.get(i), words.get(i).start(), w, null);
            }
        }
        return null;
    }

    /** The argument a noun of the comment names: {@code deployment/api}, {@code -n prod}, {@code deploy api}. */
    private static Token named(List<ShellReading.Word> words, String noun) {
        List<String> kinds = KINDS.getOrDefault(noun, List.of());
        List<String> options = PlaceholderRules.NOUN_OPTIONS.getOrDefault(noun, List.of());
        for (int i = 1; i < words.size(); i++) {
            ShellReading.Word w = words.get(i);
            String t = w.text();
            int slash = t.indexOf('/');
            if (slash > 0 && kinds.contains(t.substring(0, slash)) && slash + 1 < t.length()) {
                return value(w, w.start() + slash + 1, t.substring(slash + 1), noun);
            }
            int eq = t.indexOf('=');
            if (eq > 0 && options.contains(t.substring(0, eq)) && eq + 1 < t.length()) {
                return value(w, w.start() + eq + 1, t.substring(eq + 1), noun);
            }
            boolean follows = options.contains(t) || kinds.contains(t);
            if (follows && i + 1 < words.size() && !words.get(i + 1).text().startsWith("-")) {
                ShellReading.Word next = words.get(i + 1);
                return value(next, next.start(), next.text(), noun);
            }
        }
        Pattern shape = PlaceholderRules.NOUN_SHAPES.get(noun);
        for (int i = words.size() - 1; shape != null && i > 0; i--) {
            ShellReading.Word w = words.get(i);
            if (shape.matcher(w.unquoted()).matches()) {
                return value(w, w.start(), w.text(), noun);
            }
        }
        return null;
    }

    /** The literal itself: inside its quotes when quoted ({@code "prod"} → {@code prod}), whole when empty. */
    private static Token value(ShellReading.Word word, int at, String literal, String name) {
        String text = literal;
        int from = at;
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            if (text.length() > 2) {
                text = text.substring(1, text.length() - 1);
                from++;
            }
        }
        return new Token(text, from, name != null ? name : text);
    }
}
