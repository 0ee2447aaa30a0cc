package org.incidentconsole.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code systemctl is-active} for a list of services: CRITICAL unless every one is active. */
final class SystemdCheck extends ShellCheck {
    private final List<String> services;

    SystemdCheck(String name, List<String> services, Duration timeout) {
        super(name, timeout);
        this.services = List.copyOf(services);
    }

    @Override
    public String kind() {
        return "systemd";
    }

    @Override
    String command() {
        return "systemctl is-active " + String.join(" ", services.stream().map(Shell::quote).toList());
    }

    @Override
    Verdict read(HostProbe.CommandOutput out) {
        List<String> states = out.stdout();
        List<String> bad = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            String state = i < states.size() ? states.get(i).strip() : "unknown";
            all.add(services.get(i) + "=" + state);
            if (!state.equals("active")) {
                bad.add(services.get(i) + "=" + state);
            }
        }
        return bad.isEmpty() ? new Verdict(HealthStatus.OK, "all active", String.join(", ", all))
                : new Verdict(HealthStatus.CRITICAL, String.join(", ", bad), String.join(", ", all));
    }
}
