package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.ShareState;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;

/** What the tunnel tests share: an inventory whose coordination Redis is reached via a bastion, and waiting. */
final class TunnelledCoordination {
    static final long WAIT_SECONDS = 60;

    private TunnelledCoordination() {
    }

    /** An inventory with host {@code bastion} (SSH on {@code sshPort}) and the coordination Redis behind it. */
    static Path inventory(Path dir, int sshPort, Path key, int redisPort) throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, """
                environment: staging
                hosts:
                  - name: bastion
                    address: 127.0.0.1
                    port: %d
                    user: %s
                    agent: false
                    identity_files: ["%s"]
                coordination:
                  redis: 127.0.0.1:%d
                  via: bastion
                """.formatted(sshPort, System.getProperty("user.name"), key, redisPort));
        return file;
    }

    static IncidentSession session(Path dir) throws Exception {
        return new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("Checkout answers 500",
                "alert", Severity.P1, "staging", "jana", null, "UTC");
    }

    static void note(IncidentSession session, String text) throws Exception {
        session.record(new IncidentEvent.NoteAdded(text, "jana")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The notes the follower handed over, in order, once {@code count} have arrived. */
    static List<String> notes(BlockingQueue<SharedEvent> followed, List<String> seen, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (seen.size() < count && System.nanoTime() < deadline) {
            SharedEvent e = followed.poll(1, TimeUnit.SECONDS);
            if (e != null && e.event() instanceof IncidentEvent.NoteAdded n) {
                seen.add(n.text());
            }
        }
        return new ArrayList<>(seen);
    }

    static ShareState awaitState(LinkedBlockingQueue<ShareState> states, Predicate<ShareState> match)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<ShareState> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            ShareState s = states.poll(1, TimeUnit.SECONDS);
            if (s != null) {
                seen.add(s);
                if (match.test(s)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no matching share state within " + WAIT_SECONDS + " s; seen " + seen);
    }

    static void assertStrictlyOrdered(List<String> notes, String prefix, int count) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(prefix + i);
        }
        assertThat(notes).containsExactlyElementsOf(expected);
    }
}
