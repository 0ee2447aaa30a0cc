package org.incidentconsole.app;

import java.nio.file.Path;
import java.util.Map;

/** The console's data directory: inventory, known_hosts, logs (and later the incident journals). */
public record AppHome(Path dir) {
    public static final String ENV = "INCIDENT_CONSOLE_HOME";
    /** System property read by logback.xml to find the log directory. */
    public static final String PROPERTY = "incident.console.home";

    public static AppHome resolve(Map<String, String> env, String userHome) {
        String override = env.get(ENV);
        return new AppHome(override != null && !override.isBlank()
                ? Path.of(override).toAbsolutePath()
                : Path.of(userHome, ".incident-console"));
    }

    public Path inventory() {
        return dir.resolve("inventory.yaml");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public Path logFile() {
        return dir.resolve("logs").resolve("incident-console.log");
    }
}
