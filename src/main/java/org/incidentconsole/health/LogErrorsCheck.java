package org.incidentconsole.health;

import java.time.Duration;
import java.util.Locale;

/** Error lines among the last N lines of a log (file or glob): count and rate against thresholds in percent. */
final class LogErrorsCheck extends ShellCheck {
    private final String file;
    private final String pattern;
    private final int lines;
    private final double warnPercent;
    private final double criticalPercent;

    LogErrorsCheck(String name, String file, String pattern, int lines, double warnPercent, double criticalPercent,
                   Duration timeout) {
        super(name, timeout);
        this.file = Shell.glob(file);
        this.pattern = pattern;
        this.lines = lines;
        this.warnPercent = warnPercent;
        this.criticalPercent = criticalPercent;
    }

    @Override
    public String kind() {
        return "log-errors";
    }

    @Override
    String command() {
        String tail = "tail -q -n " + lines + " " + file + " 2>/dev/null";
        return "echo $(" + tail + " | wc -l) $(" + tail + " | grep -c -E -e " + Shell.quote(pattern) + ")";
    }

    @Override
    Verdict read(HostProbe.CommandOutput out) {
        String[] parts = out.text().strip().split("\\s+");
        long total = Long.parseLong(parts[0]);
        long errors = Long.parseLong(parts[1]);
        double percent = total == 0 ? 0 : errors * 100.0 / total;
        String value = String.format(Locale.ROOT, "%.1f%% (%d of %d lines)", percent, errors, total);
        return new Verdict(total == 0 ? HealthStatus.UNKNOWN : byPercent(percent, warnPercent, criticalPercent), value,
                total == 0 ? "no lines in " + file : "pattern " + pattern);
    }
}
