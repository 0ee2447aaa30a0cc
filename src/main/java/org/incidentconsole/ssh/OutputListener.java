package org.incidentconsole.ssh;

/** Receives a remote command's output line by line, as it arrives. Called from I/O threads. */
@FunctionalInterface
public interface OutputListener {
    void line(String host, StreamKind stream, String text);

    OutputListener IGNORE = (host, stream, text) -> { };
}
