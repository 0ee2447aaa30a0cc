package org.incidentconsole.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.PrivateFiles;

/** The console's data directory: inventory, known_hosts, logs, incident journals and reports. */
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

    public Path incidents() {
        return dir.resolve("incidents");
    }

    /** The main window's remembered size, dividers and theme (never a secret). */
    public Path windowPrefs() {
        return dir.resolve("window.properties");
    }

    public Path reports() {
        return dir.resolve("reports");
    }

    /**
     * Makes the data directory private before anything is written or logged: the folder, its logs folder and
     * the log file are created owner-only (0700, 0600); existing ones readable by others are narrowed.
     *
     * @return one sentence per folder or file whose permissions were narrowed, for the log
     */
    public List<String> prepare() throws IOException {
        List<String> narrowed = new ArrayList<>();
        for (Path p : List.of(dir, logFile().getParent(), incidents(), reports(), logFile())) {
            if (Files.exists(p)) {
                if (PrivateFiles.restrict(p)) {
                    narrowed.add(p + " was readable by other users; it is now readable by its owner only");
                }
            } else if (p.equals(logFile())) {
                PrivateFiles.createChannel(p).close();
            } else if (!p.equals(incidents()) && !p.equals(reports())) {
                PrivateFiles.createDirectories(p);
            }
        }
        return narrowed;
    }
}
