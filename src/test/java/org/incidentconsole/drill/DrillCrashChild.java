package org.incidentconsole.drill;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Run in a child JVM by {@link DrillCleanupTest}: starts a drill, prints "READY root redisPid coordinationPid",
 * then waits. A line on its standard input (or its end) closes the drill cleanly; the test may instead kill it with SIGKILL.
 */
public final class DrillCrashChild {
    private DrillCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        try (DrillEnvironment drill = DrillEnvironment.start(true)) {
            DrillPidFile record = DrillPidFile.read(drill.root()).orElseThrow();
            System.out.println("READY " + drill.root() + " " + record.redis().pid() + " "
                    + record.coordination().pid());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
