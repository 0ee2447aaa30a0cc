package org.incidentconsole.ssh;

import java.io.IOException;
import net.schmizz.sshj.SSHClient;

/** How a client's transport reaches its server: a TCP dial, a channel through a bastion, or a proxy command. */
@FunctionalInterface
interface Route {
    void connect(SSHClient client, String address, int port) throws IOException;

    Route DIRECT = SSHClient::connect;
}
