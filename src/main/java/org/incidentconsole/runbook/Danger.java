package org.incidentconsole.runbook;

/**
 * A destructive or disruptive command. {@code acknowledged}: the author marked it with a danger comment.
 * {@code stopsService}: it restarts or stops something that serves users, so it runs host by host by default;
 * decided by the detector's rule, never by the wording of a reason.
 */
public record Danger(int line, String command, String reason, boolean acknowledged, boolean stopsService) {
}
