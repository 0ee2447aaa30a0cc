package org.incidentconsole.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.redact.Redactor;

/**
 * Counts e-mail addresses, bearer tokens and long hex keys in the last lines of a log, skipping text already
 * redacted. Only counts and the first three characters of up to three samples leave the host.
 */
final class PiiScanCheck extends ShellCheck {
    static final Map<String, String> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("email", "[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}");
        PATTERNS.put("bearer", "[Bb]earer [A-Za-z0-9._~+/=-]{8,}");
        PATTERNS.put("hex-key", "[a-f0-9]{32,}");
    }

    private static final Redactor REDACTOR = new Redactor();
    private final String file;
    private final int lines;

    PiiScanCheck(String name, String file, int lines, Duration timeout) {
        super(name, timeout);
        this.file = Shell.glob(file);
        this.lines = lines;
    }

    @Override
    public String kind() {
        return "pii-scan";
    }

    @Override
    String command() {
        String source = "tail -q -n " + lines + " " + file + " 2>/dev/null | grep -v REDACTED";
        StringBuilder cmd = new StringBuilder();
        PATTERNS.forEach((kind, regex) -> cmd.append("echo \"").append(kind).append(" $(").append(source)
                .append(" | grep -c -E -e ").append(Shell.quote(regex)).append(")\"; ").append(source)
                .append(" | grep -o -E -e ").append(Shell.quote(regex))
                .append(" | head -n 3 | cut -c1-3 | sed 's/^/sample ").append(kind).append(" /'; "));
        return cmd.toString();
    }

    @Override
    Verdict read(HostProbe.CommandOutput out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> samples = new ArrayList<>();
        for (String line : out.stdout()) {
            String[] cols = line.strip().split("\\s+", 3);
            if (cols[0].equals("sample") && cols.length == 3) {
                samples.add(cols[1] + ": " + REDACTOR.scrub(cols[2]) + "…[REDACTED]");
            } else if (PATTERNS.containsKey(cols[0])) {
                counts.put(cols[0], Long.parseLong(cols[1]));
            }
        }
        long found = counts.values().stream().mapToLong(Long::longValue).sum();
        String value = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse("nothing read");
        return new Verdict(found > 0 ? HealthStatus.CRITICAL : HealthStatus.OK, value,
                found > 0 ? "unredacted in " + file + ": " + String.join(", ", samples) : "nothing unredacted in " + file);
    }
}
