package org.incidentconsole.ui.runbook;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Variable;

/**
 * Each variable's value as last journaled, so an operator's edit is journaled once when committed (focus left,
 * Enter, or just before Run), never per keystroke. Blocking: call off the FX thread.
 */
final class CommittedValues {
    private final Supplier<IncidentSession> incident;
    private final Map<String, String> journaled = new ConcurrentHashMap<>();
    private volatile Runbook runbook;

    CommittedValues(Supplier<IncidentSession> incident) {
        this.incident = incident;
    }

    /** A runbook was opened: its prefilled values are journaled as set. */
    void opened(Runbook rb, Map<String, String> prefilled) {
        runbook = rb;
        journaled.clear();
        for (Variable v : rb.variables()) {
            String value = prefilled.get(v.name());
            if (value != null && !journaled.containsKey(v.name())) {
                journal(v.name(), value);
            }
        }
    }

    /**
     * A resumed incident's runbook: the journaled values are what the journal holds already; the values suggested
     * now for variables never set ({@code prefilled}) are journaled as set.
     */
    void restored(Runbook rb, Map<String, String> fromJournal, Map<String, String> prefilled) {
        runbook = rb;
        journaled.clear();
        journaled.putAll(fromJournal);
        prefilled.forEach(this::commit);
    }

    /** Journals {@code value} unless blank or what the journal already holds for {@code name}. */
    void commit(String name, String value) {
        if (value == null || value.isBlank() || value.equals(journaled.get(name))) {
            return;
        }
        journal(name, value);
    }

    private void journal(String name, String value) {
        Runbook rb = runbook;
        String role = rb == null ? null : rb.variables().stream().filter(v -> v.name().equals(name))
                .map(Variable::role).filter(Objects::nonNull).findFirst().orElse(null);
        incident.get().record(new IncidentEvent.VariableSet(name, value, role)).join();
        journaled.put(name, value);
    }
}
