package org.incidentconsole.health;

import java.time.Duration;

/** Percent of a filesystem used, from {@code df -P}. */
final class DiskCheck extends ShellCheck {
    private final String path;
    private final double warnPercent;
    private final double criticalPercent;

    DiskCheck(String name, String path, double warnPercent, double criticalPercent, Duration timeout) {
        super(name, timeout);
        this.path = path;
        this.warnPercent = warnPercent;
        this.criticalPercent = criticalPercent;
    }

    @Override
    public String kind() {
        return "disk";
    }

    @Override
    String command() {
        return "df -P " + Shell.quote(path) + " | tail -n 1";
    }

    @Override
    Verdict read(HostProbe.CommandOutput out) {
        String[] cols = out.text().strip().split("\\s+");
        double used = Double.parseDouble(cols[4].replace("%", ""));
        return new Verdict(byPercent(used, warnPercent, criticalPercent), (int) used + "% used",
                path + " on " + cols[0]);
    }
}
