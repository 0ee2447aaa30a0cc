package org.incidentconsole.breaker;

import java.util.List;

/** What a breaker action changed, key by key, with the values before and after; for the journal. */
public record ActionResult(String action, List<KeyChange> changes) {
    public ActionResult {
        changes = List.copyOf(changes);
    }

    /** {@code before}/{@code after} are null when the key did not exist. */
    public record KeyChange(String key, String before, String after, String error) {
    }

    public boolean partial() {
        return changes.stream().anyMatch(c -> c.error() != null);
    }

    public long failed() {
        return changes.stream().filter(c -> c.error() != null).count();
    }
}
