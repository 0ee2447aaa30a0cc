package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch to the main window's first frame, in fresh JVMs (headless Monocle, software rendering), read from the
 * app's own log line. Run with {@code ./mvnw -Pbench verify}. Goal ≤ 1.5 s.
 */
@Tag("bench")
class LaunchBenchmark {
    private static final Pattern FIRST_FRAME = Pattern.compile("First frame of the main window (\\d+) ms");

    @TempDir
    Path dir;

    /** The test class path without the test classes (their logback-test.xml would take the app's log file away). */
    private static String appClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(
                        File.pathSeparator));
    }

    @Test
    void launch_to_first_frame() throws Exception {
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: production
                defaults: {user: deploy, agent: false}
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: 1}
                  - {name: web-02, address: 127.0.0.1, port: 1}
                  - {name: worker-01, address: 127.0.0.1, port: 1}
                """);
        long[] frame = new long[7];
        long[] process = new long[frame.length];
        for (int i = 0; i < frame.length; i++) {
            Path home = Files.createDirectories(dir.resolve("home-" + i));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", appClassPath(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dincident-console.exit-after-first-frame=true",
                    "org.incidentconsole.app.Main", "--inventory", inventory.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out-" + i + ".txt").toFile());
            pb.environment().put("INCIDENT_CONSOLE_HOME", home.toString());
            long t0 = System.nanoTime();
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the app exits after its first frame").isTrue();
            process[i] = (System.nanoTime() - t0) / 1_000_000;
            Path logFile = home.resolve("logs").resolve("incident-console.log");
            assertThat(logFile).as("the app's log; its output was:\n"
                    + Files.readString(dir.resolve("out-" + i + ".txt"))).exists();
            String log = Files.readString(logFile);
            Matcher m = FIRST_FRAME.matcher(log);
            assertThat(m.find()).as("first-frame line in the log:\n" + log).isTrue();
            frame[i] = Long.parseLong(m.group(1));
        }
        long[] sorted = frame.clone();
        Arrays.sort(sorted);
        long[] sortedProcess = process.clone();
        Arrays.sort(sortedProcess);
        String report = String.format("| launch (fresh JVM, 7 runs) | median ms | min ms | max ms |%n|---|---|---|---|%n"
                        + "| JVM start → main window's first frame | %d | %d | %d |%n"
                        + "| whole process, start to exit after that frame | %d | %d | %d |%n",
                sorted[3], sorted[0], sorted[6], sortedProcess[3], sortedProcess[0], sortedProcess[6]);
        Path out = Path.of("target", "bench", "launch.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }
}
