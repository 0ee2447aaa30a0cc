package org.incidentconsole.redact;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that is one regular expression: the group named {@code s} (or the whole match) is hidden when the check
 * accepts it. Patterns in the table start at a run boundary (a one-character look-behind) and use bounded or
 * possessive quantifiers, so each position is tried in constant time and the scan stays linear.
 */
final class RegexRule implements Rule {
    private final String kind;
    private final Pattern pattern;
    private final ToIntFunction<String> accept;
    private final boolean hasGroup;
    private List<String> anchors = List.of();
    private boolean anchorsIgnoreCase;

    /** {@code accept} tells how many leading characters of the candidate to hide; 0 rejects it. */
    RegexRule(String kind, String regex, ToIntFunction<String> accept) {
        this.kind = kind;
        this.pattern = Pattern.compile(regex);
        this.accept = accept;
        this.hasGroup = regex.contains("(?<s>");
    }

    static RegexRule checked(String kind, String regex, Predicate<String> check) {
        return new RegexRule(kind, regex, s -> check.test(s) ? s.length() : 0);
    }

    RegexRule(String kind, String regex) {
        this(kind, regex, String::length);
    }

    /** Words one of which every match contains; the rule is skipped on text without any. */
    RegexRule anchors(String... words) {
        this.anchors = List.of(words);
        return this;
    }

    /** As {@link #anchors}, compared in lower case (give them in lower case). */
    RegexRule anchorsIgnoringCase(String... words) {
        this.anchorsIgnoreCase = true;
        return anchors(words);
    }

    @Override
    public boolean mayMatch(String text, String lowerCase) {
        String in = anchorsIgnoreCase ? lowerCase : text;
        return anchors.isEmpty() || anchors.stream().anyMatch(in::contains);
    }

    @Override
    public void find(String text, List<Span> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = hasGroup ? m.start("s") : m.start();
            int end = hasGroup ? m.end("s") : m.end();
            int length = start >= 0 && end > start ? accept.applyAsInt(text.substring(start, end)) : 0;
            if (length > 0) {
                out.add(new Span(start, start + length, kind));
            }
        }
    }
}
