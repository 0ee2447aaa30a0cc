package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.app.TunnelledCoordination.assertStrictlyOrdered;
import static org.incidentconsole.app.TunnelledCoordination.note;
import static org.incidentconsole.app.TunnelledCoordination.notes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.incidentconsole.app.CoordinationConnector.Connected;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedTimeline;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordination Redis behind a host running the real OpenSSH sshd: its direct-tcpip forwarding carries it. */
class CoordinationConnectorOpenSshTest {
    @TempDir
    Path dir;

    @Test
    void a_shared_timeline_is_published_and_followed_through_an_openssh_tunnel() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (SshKit kit = new SshKit(dir);
             OpenSshServer sshd = OpenSshServer.start(Files.createDirectory(dir.resolve("sshd")),
                     TestKeys.publicKey(key));
             TestRedis redis = TestRedis.start()) {
            Inventory inventory = new InventoryLoader(dir).load(
                    TunnelledCoordination.inventory(dir, sshd.port(), key, redis.port()));
            IncidentSession session = TunnelledCoordination.session(dir);
            LinkedBlockingQueue<SharedEvent> followed = new LinkedBlockingQueue<>();
            try (Connected coordination = new CoordinationConnector(kit.connections(), Map.of()).open(inventory);
                 SharedTimeline shared = new SharedTimeline(coordination.endpoint(), session.id(), "console-a",
                         session.journalFile());
                 TimelineFollower follower = new TimelineFollower(coordination.endpoint(), session.id(),
                         followed::add)) {
                shared.attach(session);
                for (int i = 0; i < 5; i++) {
                    note(session, "over openssh " + i);
                }
                assertStrictlyOrdered(notes(followed, new ArrayList<>(), 5), "over openssh ", 5);
                assertThat(coordination.label()).endsWith(" via bastion");
            } finally {
                session.close();
            }
        }
    }
}
