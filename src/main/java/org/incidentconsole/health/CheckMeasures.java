package org.incidentconsole.health;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number out of a check's value text, one table row per check kind: a pattern, the unit, and whether
 * every match is added up (counts per pattern) or the first one is the value. A kind without a row, a value
 * without a match, and an UNKNOWN result (TIMEOUT, not connected) have no number.
 */
public final class CheckMeasures {
    /** {@code sum}: add every match (pii-scan's "email=0 card=2"); otherwise the first match is the value. */
    record Rule(String kind, Pattern pattern, String unit, boolean sum) {
        Rule(String kind, String regex, String unit, boolean sum) {
            this(kind, Pattern.compile(regex), unit, sum);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("http", "\\bin (\\d+(?:\\.\\d+)?) ms\\b", "ms", false),
            new Rule("disk", "^(\\d+(?:\\.\\d+)?)% used", "%", false),
            new Rule("memory", "^(\\d+(?:\\.\\d+)?)% used", "%", false),
            new Rule("log-errors", "^(\\d+(?:\\.\\d+)?)%", "%", false),
            new Rule("pii-scan", "\\w=(\\d+)\\b", "hits", true),
            new Rule("command", "^\\s*(-?\\d+(?:\\.\\d+)?)\\s*$", "", false));

    private CheckMeasures() {
    }

    public static Optional<Measure> of(CheckResult r) {
        if (r == null || r.value() == null || r.status() == HealthStatus.UNKNOWN) {
            return Optional.empty();
        }
        return of(r.kind(), r.value());
    }

    public static Optional<Measure> of(String kind, String value) {
        for (Rule rule : RULES) {
            if (rule.kind().equals(kind)) {
                Matcher m = rule.pattern().matcher(value);
                double total = 0;
                boolean found = false;
                while (m.find()) {
                    total += Double.parseDouble(m.group(1));
                    found = true;
                    if (!rule.sum()) {
                        break;
                    }
                }
                return found ? Optional.of(new Measure(total, rule.unit())) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
