package org.incidentconsole.ssh;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.incidentconsole.inventory.Host;

/** Library exceptions in plain words for the operator. */
final class FailureReasons {
    private FailureReasons() {
    }

    static String describe(Throwable e, Host host) {
        String where = host.address() + ":" + host.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by " + where + " (is sshd running there?)";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + where + " in time";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + where;
            }
            if (t instanceof UnknownHostException) {
                return "unknown host name '" + host.address() + "'";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
