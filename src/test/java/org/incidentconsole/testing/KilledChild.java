package org.incidentconsole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A console in a child JVM, SIGKILLed mid-step: runs {@code main} with {@code args}, which prints "ID id" and then
 * "MIDSTEP" once a step's start is on disk, kills it the moment that line arrives, and returns the incident's id.
 */
public final class KilledChild {
    private KilledChild() {
    }

    public static String killMidStep(Class<?> main, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = main.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicReference<String> id = new AtomicReference<>();
        CountDownLatch midStep = new CountDownLatch(1);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("ID ")) {
                        id.set(line.substring(3));
                    } else if (line.equals("MIDSTEP")) {
                        midStep.countDown();
                    }
                }
            } catch (IOException e) {
                // the child died: its stdout closed
            }
            midStep.countDown();
        });
        boolean reached = midStep.await(120, TimeUnit.SECONDS);
        child.destroyForcibly(); // SIGKILL while the step runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.get(30, TimeUnit.SECONDS);
        assertThat(reached).as("the child reached the step").isTrue();
        assertThat(id.get()).isNotNull();
        return id.get();
    }
}
