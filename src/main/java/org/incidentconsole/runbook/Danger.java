package org.incidentconsole.runbook;

import org.incidentconsole.shell.DangerKind;

/**
 * A destructive or disruptive command. {@code acknowledged}: the author marked it with a danger comment.
 * {@code kind}: what the command does, from the danger table's rule ({@link DangerKind#AUTHOR_MARKED} when only the
 * author's mark flags it).
 */
public record Danger(int line, String command, String reason, boolean acknowledged, DangerKind kind) {
    /**
     * Whether it restarts or stops something that serves users, so it runs host by host by default; decided by the
     * kind of the rule, never by the wording of a reason.
     */
    public boolean stopsService() {
        return kind.stopsService();
    }

    /** The same danger shown with another command line (the rendered one). */
    public Danger withCommand(String shown) {
        return new Danger(line, shown, reason, acknowledged, kind);
    }
}
