package org.incidentconsole.runbook;

/** A destructive or disruptive command. {@code acknowledged}: the author marked it with a danger comment. */
public record Danger(int line, String command, String reason, boolean acknowledged) {
}
