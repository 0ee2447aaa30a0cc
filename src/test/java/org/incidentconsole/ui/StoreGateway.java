package org.incidentconsole.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.incident.IncidentGateway;

/**
 * The incident bar's gateway over a real store in a temp folder, bound to one environment and inventory, as the
 * composition root wires it: the bar's tests start, resume and list real journals through it.
 */
final class StoreGateway implements IncidentGateway {
    private final IncidentStore store;
    private final IncidentBinding binding;
    private final List<String> critical;
    private final AtomicReference<IncidentSession> current;

    /** @param current where the session started or resumed is kept (the test closes it) */
    StoreGateway(IncidentStore store, IncidentBinding binding, List<String> critical,
                 AtomicReference<IncidentSession> current) {
        this.store = store;
        this.binding = binding;
        this.critical = critical;
        this.current = current;
    }

    @Override
    public IncidentSession current() {
        return current.get();
    }

    @Override
    public IncidentSession start(String title, String trigger, Severity severity, String operator) throws Exception {
        current.set(store.start(title, trigger, severity, binding, operator, null, "UTC"));
        return current.get();
    }

    @Override
    public IncidentSession resume(String id, String operator) throws Exception {
        current.set(store.resume(id, binding, operator));
        return current.get();
    }

    @Override
    public List<IncidentStore.Candidate> candidates() throws Exception {
        return store.candidates(binding);
    }

    @Override
    public List<String> criticalChecks() {
        return critical;
    }

    @Override
    public ReportExport export() {
        throw new UnsupportedOperationException("the bar's tests export through the report tests");
    }
}
