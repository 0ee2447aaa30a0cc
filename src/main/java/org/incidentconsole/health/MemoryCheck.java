package org.incidentconsole.health;

import java.time.Duration;

/** Percent of memory in use, from /proc/meminfo (MemTotal − MemAvailable). */
final class MemoryCheck extends ShellCheck {
    private final double warnPercent;
    private final double criticalPercent;

    MemoryCheck(String name, double warnPercent, double criticalPercent, Duration timeout) {
        super(name, timeout);
        this.warnPercent = warnPercent;
        this.criticalPercent = criticalPercent;
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    String command() {
        return "grep -E '^(MemTotal|MemAvailable):' /proc/meminfo";
    }

    @Override
    Verdict read(HostProbe.CommandOutput out) {
        long total = -1;
        long available = -1;
        for (String line : out.stdout()) {
            String[] cols = line.strip().split("\\s+");
            if (cols[0].equals("MemTotal:")) {
                total = Long.parseLong(cols[1]);
            } else if (cols[0].equals("MemAvailable:")) {
                available = Long.parseLong(cols[1]);
            }
        }
        if (total <= 0 || available < 0) {
            throw new IllegalStateException("MemTotal/MemAvailable missing");
        }
        double used = (total - available) * 100.0 / total;
        return new Verdict(byPercent(used, warnPercent, criticalPercent), Math.round(used) + "% used",
                (available / 1024) + " MB available of " + (total / 1024) + " MB");
    }
}
