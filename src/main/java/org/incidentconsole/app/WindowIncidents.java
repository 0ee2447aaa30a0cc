package org.incidentconsole.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.incidentconsole.coordination.SharedIncident;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.incident.IncidentGateway;

/** The incident bar's gateway: the console's incident service, bound to the window's inventory. Blocking. */
final class WindowIncidents implements IncidentGateway {
    private final IncidentService incidents;
    private final WindowInventory inventory;
    private final Supplier<List<String>> criticalChecks;
    private final Consumer<IncidentSession> onResumed;
    private volatile WindowShare share;

    /**
     * @param criticalChecks the health checks reading CRITICAL now, as "host check"
     * @param onResumed      told of a resumed incident once it is current (off the FX thread)
     */
    WindowIncidents(IncidentService incidents, WindowInventory inventory, Supplier<List<String>> criticalChecks,
                    Consumer<IncidentSession> onResumed) {
        this.incidents = incidents;
        this.inventory = inventory;
        this.criticalChecks = criticalChecks;
        this.onResumed = onResumed;
    }

    @Override
    public IncidentSession current() {
        return incidents.current();
    }

    @Override
    public IncidentSession start(String title, String trigger, Severity severity, String operator) throws Exception {
        return incidents.start(title, trigger, severity, inventory.settledBinding(), operator);
    }

    /** #22: shared incidents of this environment are listed to join, and joined by "resuming" them. */
    void joinThrough(WindowShare windowShare) {
        this.share = windowShare;
    }

    @Override
    public IncidentSession resume(String id, String operator) throws Exception {
        WindowShare s = share;
        if (s != null && incidents.candidates(inventory.settledBinding()).stream()
                .noneMatch(c -> c.summary().id().equals(id))) {
            IncidentSession joined = incidents.join(s.startOf(id), inventory.settledBinding(), operator);
            onResumed.accept(joined);
            return joined;
        }
        IncidentSession resumed = incidents.resume(id, inventory.settledBinding(), operator);
        onResumed.accept(resumed);
        return resumed;
    }

    @Override
    public List<IncidentStore.Candidate> candidates() throws Exception {
        List<IncidentStore.Candidate> local = incidents.candidates(inventory.settledBinding());
        WindowShare s = share;
        if (s == null) {
            return local;
        }
        Set<String> held = new HashSet<>();
        local.forEach(c -> held.add(c.summary().id()));
        List<IncidentStore.Candidate> all = new ArrayList<>(local);
        for (SharedIncident shared : s.joinable(inventory.environment(), held)) {
            all.add(new IncidentStore.Candidate(IncidentStore.Summary.shared(shared.id(), shared.title()
                    + " — shared by " + shared.startedBy(), shared.severity() == null ? null
                    : Severity.valueOf(shared.severity()), shared.startedAt()), null));
        }
        return all;
    }

    @Override
    public List<String> criticalChecks() {
        return criticalChecks.get();
    }

    @Override
    public ReportExport export() throws Exception {
        IncidentService.Report report = incidents.exportReport();
        return new ReportExport(report.markdown(), report.file(), report.suggestedName());
    }
}
