package org.incidentconsole.runbook;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The data behind {@link PlaceholderFinder}: shapes of placeholders and the words that make text data. */
final class PlaceholderRules {
    /** {@code {{name}}}: a runbook variable (or, in a foreign place, someone else's template). */
    static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");
    /** Go template words: {@code {{range}}}, {@code {{end}}} are never variables. */
    static final Set<String> GO_TEMPLATE_WORDS = Set.of("range", "end", "if", "else", "with", "define",
            "template", "block", "len", "index", "printf", "print", "println", "json", "join", "eq", "ne", "lt",
            "le", "gt", "ge", "and", "or", "not", "upper", "lower", "title", "table", "slice", "html", "js", "call");
    /** Options whose quoted argument is a Go template ({@code docker ps --format '{{.Names}}'}). */
    static final Pattern GO_TEMPLATE_ARG = Pattern.compile(
            "(?:--format|--template|go-template|jsonpath|-f)[= ](\"[^\"]*\"|'[^']*')");
    /** Options whose argument another tool fills with its own templates (ansible -a, --extra-vars). */
    static final Set<String> TEMPLATE_OPTIONS = Set.of("-a", "--args", "--extra-vars");
    /** The same for ansible alone, where -e means extra variables (elsewhere it is often an environment). */
    static final Set<String> ANSIBLE_TEMPLATE_OPTIONS = Set.of("-e");

    /** {@code <Word>}, {@code <UPPER_CASE>}, {@code <camelCase>}, {@code <kebab-case>}, {@code <two words>}. */
    static final Pattern ANGLE = Pattern.compile("(?<![A-Za-z0-9<\\\\$])<([A-Za-z][A-Za-z0-9_.-]*"
            + "(?: [A-Za-z0-9][A-Za-z0-9_.-]*){0,5})>(?!>)");
    /** {@code [REASON]}, {@code [lower_snake]}, {@code [kebab-case]}, {@code [Mixed words]}. */
    static final Pattern BRACKET = Pattern.compile("(?<![\\[\\\\$A-Za-z0-9_])\\[([A-Za-z][A-Za-z0-9]*"
            + "(?:[ _-][A-Za-z0-9]+){0,6})](?![\\]=A-Za-z0-9*?\\[])");
    /** {@code YOUR_API_KEY}, {@code your-org}, {@code your_bucket}; not {@code $YOUR_X} nor {@code YOUR_X=…}. */
    static final Pattern YOUR = Pattern.compile("(?<![A-Za-z0-9_$\\{.-])(?:YOUR|Your|your)[_-][A-Za-z0-9]+"
            + "(?:[_.-][A-Za-z0-9]+)*(?![A-Za-z0-9_=-])");
    /** A bare word that names a version instead of being one: {@code previous-tag}, {@code last_good_commit}. */
    static final Pattern DESCRIPTIVE = Pattern.compile("(?<![A-Za-z0-9_.$/{-])(?:previous|prev|last|known"
            + "|target|desired)(?:[-_](?:known|good|stable|working|production|prod|deployed|release))*"
            + "[-_](?:tag|version|commit|hash|sha|revision|release|ref|image)(?![A-Za-z0-9_./=-])");

    /** Text each shape cannot match without: a script holding none of it is not searched for that shape. */
    static final Map<Pattern, List<String>> CLUES = Map.of(ANGLE, List.of("<"), BRACKET, List.of("["),
            YOUR, List.of("your", "YOUR", "Your"), DESCRIPTIVE, List.of("prev", "last", "known",
                    "target", "desired"));

    /** Log levels and status words in brackets are output, not placeholders: {@code [ERROR]}, {@code [ok]}. */
    static final Set<String> LOG_TAGS = Set.of("error", "err", "warn", "warning", "info", "debug", "trace",
            "fatal", "critical", "crit", "notice", "alert", "emerg", "emergency", "ok", "fail", "failed", "pass",
            "passed", "success", "done", "skip", "skipped", "todo", "note", "dry run", "dry-run", "dryrun", "test");
    /** Markup tags: {@code <html>} in a page body is not a placeholder. */
    static final Set<String> MARKUP_TAGS = Set.of("html", "head", "body", "div", "span", "p", "br", "hr", "a", "b",
            "i", "u", "em", "strong", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th",
            "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "title", "script", "style", "meta", "link", "img",
            "form", "input", "button", "label", "select", "option", "textarea", "section", "header", "footer",
            "main", "nav", "article", "center", "small", "svg", "xml", "br/", "tt", "blockquote", "iframe");
    /** Commands whose quoted arguments are text for a person: an echo, a log line, a usage or a prompt. */
    static final Set<String> OUTPUT_COMMANDS = Set.of("echo", "printf", "logger", "log", "info", "warn", "warning",
            "error", "die", "fail", "abort", "usage", "say", "notify", "msg", "read", "wall", "log_info", "log_warn",
            "log_error", "fatal", "panic", "note", "banner");
    /** Assignments whose quoted value is text for a person: {@code USAGE="usage: $0 <service>"}. */
    static final Pattern MESSAGE_NAME = Pattern.compile("(?i).*(usage|help|message|msg|text|banner)[A-Za-z0-9_]*");
    /** Programs that read a here-document as code, so placeholders in its body count. */
    static final Set<String> CODE_READERS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ssh", "su", "psql", "mysql",
            "mariadb", "redis-cli", "sqlite3", "mongo", "mongosh", "cqlsh", "clickhouse-client", "python",
            "python3", "node", "ruby", "perl", "php", "at", "batch");
    /** A word that is not the program: {@code X=1}, {@code arr[0]=x}, {@code 2>/dev/null}, {@code >&2}. */
    static final Pattern ASSIGNMENT_OR_REDIRECTION = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(?:\\[[^]]*])?\\+?=.*|[0-9]*[<>].*", Pattern.DOTALL);
    /** Words before the program: wrappers and keywords ({@code sudo -u app}, {@code env}, {@code then}). */
    static final Set<String> WRAPPERS = Set.of("sudo", "env", "nohup", "time", "timeout", "nice", "ionice",
            "command", "exec", "stdbuf", "if", "then", "else", "elif", "do", "while", "until", "!", "{", "}");

    /** A trailing comment asking the operator to put their own value in: {@code # Replace with …}. */
    static final Pattern REPLACE_COMMENT = Pattern.compile("(?i)^#+\\s*(?:(?:TODO|FIXME|NOTE)\\b[:\\s-]*)?"
            + "(?:<-+\\s*)?(?:(?:replace|adjust|substitute|fill\\s+in|customi[sz]e)\\b"
            + "|(?:set|update|change|edit|modify)\\s+(?:this|it|to|as|with|if|accordingly|your|the\\s+value|per)\\b"
            + "|use\\s+your\\b)"
            + ".*");
    /** Nouns a comment may name, and the option or shape of the argument they mean. */
    static final Map<String, List<String>> NOUN_OPTIONS = Map.ofEntries(
            Map.entry("namespace", List.of("-n", "--namespace")), Map.entry("context", List.of("--context")),
            Map.entry("container", List.of("-c", "--container")), Map.entry("region", List.of("--region")),
            Map.entry("profile", List.of("--profile")), Map.entry("cluster", List.of("--cluster")),
            Map.entry("user", List.of("-u", "-U", "--user", "--username")), Map.entry("port", List.of("-p", "--port")),
            Map.entry("host", List.of("-h", "-H", "--host")), Map.entry("database", List.of("-d", "--dbname")),
            Map.entry("db", List.of("-d", "--dbname", "-n")), Map.entry("project", List.of("--project", "-p")),
            Map.entry("selector", List.of("-l", "--selector")), Map.entry("label", List.of("-l", "--selector")),
            Map.entry("revision", List.of("--to-revision", "--revision")), Map.entry("file", List.of("-f", "--file")));
    /** Nouns a comment may name, and the shape of the argument they mean: "commit hash" → a hex word. */
    static final Map<String, Pattern> NOUN_SHAPES = Map.of(
            "hash", Pattern.compile("[0-9a-f]{7,40}"), "sha", Pattern.compile("[0-9a-f]{7,40}"),
            "commit", Pattern.compile("[0-9a-f]{7,40}|[A-Za-z0-9._/-]+~[0-9]+|HEAD[~^][0-9]*"),
            "tag", Pattern.compile("v?[0-9]+(?:\\.[0-9]+)+[A-Za-z0-9.+-]*"),
            "version", Pattern.compile("v?[0-9]+(?:\\.[0-9]+)+[A-Za-z0-9.+-]*"),
            "ip", Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}"),
            "url", Pattern.compile("https?://\\S+"), "path", Pattern.compile("[~.]?/\\S*"),
            "directory", Pattern.compile("[~.]?/\\S*"), "dir", Pattern.compile("[~.]?/\\S*"));

    private PlaceholderRules() {
    }
}
