package org.incidentconsole.ssh;

public enum StreamKind {
    STDOUT, STDERR
}
