package org.incidentconsole.redact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs secrets and personal data from captured text before it is stored or shown: each is replaced by
 * {@code [REDACTED:kind]}. Rules run in order, most specific first, so a JWT inside an Authorization header
 * counts once. Thread-safe.
 */
public final class Redactor {
    /** One rule: the whole match is replaced, except group "keep" (a prefix such as "Authorization: "). */
    private record Rule(String kind, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule("private-key", "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)"),
            rule("authorization", "(?i)(?<keep>\\bauthorization\\s*[:=]\\s*\"?)(?:bearer\\s+|basic\\s+|token\\s+)?[^\\s\"',;]+"),
            rule("bearer", "(?i)(?<keep>\\bbearer\\s+)[A-Za-z0-9\\-._~+/]+=*"),
            rule("jwt", "\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}"),
            rule("aws-access-key", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b"),
            rule("url-password", "(?<keep>\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]+:)[^\\s@/]+(?=@)"),
            rule("redis-password", "(?<keep>\\bredis-cli\\b[^\\n]*?\\s(?:-a|--pass|--askpass)\\s+)\\S+"),
            // AUTH takes a password or a user and a password: both tokens go, a following word may go too
            rule("redis-password", "(?<keep>\\bAUTH[ \\t]+)[^\\s\"']+(?:[ \\t]+[^\\s\"']+)?"),
            rule("redis-password", "(?<keep>\\bREDISCLI_AUTH=)\\S+"),
            rule("password", "(?i)(?<keep>(?<![A-Za-z])(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|"
                    + "client[_-]?secret)(?![A-Za-z])\"?\\s*[:=]\\s*\"?)(?!\\[REDACTED)[^\\s\"',;&]+"),
            rule("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            rule("api-key", "(?<![A-Za-z0-9])[0-9a-fA-F]{32,}(?![A-Za-z0-9])"),
            rule("api-key", "(?<![A-Za-z0-9+/=_-])(?=[A-Za-z0-9+/_-]*[0-9])(?=[A-Za-z0-9+/_-]*[a-z])"
                    + "(?=[A-Za-z0-9+/_-]*[A-Z])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/=_-])"));

    private static Rule rule(String kind, String regex) {
        return new Rule(kind, Pattern.compile(regex));
    }

    public Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, Map.of());
        }
        Map<String, Integer> counts = new HashMap<>();
        String current = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(current);
            if (!m.find()) {
                continue;
            }
            StringBuilder out = new StringBuilder(current.length());
            do {
                String kept = keep(m);
                if (isAlreadyRedacted(current, m)) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(kept + "[REDACTED:" + rule.kind() + "]"));
                counts.merge(rule.kind(), 1, Integer::sum);
            } while (m.find());
            m.appendTail(out);
            current = out.toString();
        }
        return new Redaction(current, counts);
    }

    /** The redacted text only; null stays null (a deleted value is not an empty one). */
    public String scrub(String text) {
        return text == null ? null : redact(text).text();
    }

    private static String keep(Matcher m) {
        try {
            String kept = m.group("keep");
            return kept == null ? "" : kept;
        } catch (IllegalArgumentException noSuchGroup) {
            return "";
        }
    }

    private static boolean isAlreadyRedacted(String text, Matcher m) {
        String matched = m.group();
        return matched.endsWith("[REDACTED") || text.startsWith("[REDACTED:", m.start() + keep(m).length());
    }
}
