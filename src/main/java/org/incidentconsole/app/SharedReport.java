package org.incidentconsole.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentconsole.coordination.MergedTimeline;
import org.incidentconsole.coordination.SharedCopy;
import org.incidentconsole.coordination.SharedCopyFile;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;

/**
 * The report of a shared incident (#22): every event of this console's copy of the shared timeline, in merged
 * order (a function of the events only, so every console that has read the same events writes the same bytes),
 * then this console's own events the copy does not hold yet (journaled while the coordination Redis was away),
 * in local order, with a header note that says how many: the operator is never shown less than they did.
 *
 * <p>Which of the local journal's records are this console's acts: all of them when it started the incident
 * (its first {@code IncidentShared} is not {@code joined}); from its {@code IncidentShared(joined)} on when it
 * joined one started elsewhere (the records before are a copy of the start). Each has the eid
 * {@code console#seq}, {@code console} being the last {@code IncidentShared} before it.
 */
public final class SharedReport {
    /**
     * @param consoles how many consoles' events the report holds
     * @param events   how many events it holds
     * @param unshared this console's events not in the shared timeline yet (at its end)
     * @param warnings one sentence each: a torn line of the copy or journal, a second start record left out
     */
    public record Rendered(ReportRenderer.Prepared report, int consoles, int events, int unshared,
                           List<String> warnings) {
        /** "merged timeline of 3 consoles, 412 events" */
        public String describe() {
            return "merged timeline of " + consoles + (consoles == 1 ? " console, " : " consoles, ") + events
                    + (events == 1 ? " event" : " events") + (unshared == 0 ? ""
                    : " (" + unshared + " of this console's not shared yet)");
        }
    }

    private SharedReport() {
    }

    /** Whether the incident in this folder is shared: it holds a copy of the shared timeline. */
    public static boolean shared(Path incidentDir) {
        return SharedCopy.exists(incidentDir);
    }

    /** The merged report of the shared incident in this folder, from its copy and its local journal. */
    public static Rendered prepare(Path incidentDir) throws IOException, JournalException {
        SharedCopyFile.Loaded copy = SharedCopy.read(incidentDir);
        JournalReader.Loaded local = JournalReader.read(incidentDir.resolve(Journal.FILE_NAME));
        List<String> warnings = new ArrayList<>(copy.warnings());
        warnings.addAll(local.warnings());
        return prepare(copy.events(), local.records(), warnings);
    }

    /** The merged report of these shared events and this console's local records. */
    static Rendered prepare(List<SharedEvent> copy, List<JournalRecord> local, List<String> warnings)
            throws JournalException {
        MergedTimeline merged = new MergedTimeline();
        merged.addAll(copy);
        List<JournalRecord> unshared = unshared(local, merged);
        List<String> said = new ArrayList<>(warnings);
        List<JournalRecord> records = new ArrayList<>(merged.size() + unshared.size());
        int extraStarts = 0;
        boolean started = false;
        List<JournalRecord> all = new ArrayList<>(merged.records());
        all.addAll(unshared);
        for (JournalRecord r : all) {
            if (r.data() instanceof IncidentEvent.Started) {
                if (started) {
                    extraStarts++;
                    continue; // one incident, one start: the first console's
                }
                started = true;
            }
            records.add(r);
        }
        if (extraStarts > 0) {
            said.add(extraStarts + " more start record(s) in the shared timeline left out: the incident started "
                    + "once, on its first console");
        }
        Set<String> consoles = new LinkedHashSet<>(merged.consoles());
        String self = unshared.isEmpty() ? null : consoleOf(local, unshared.get(0).seq());
        if (self != null) {
            consoles.add(self);
        }
        List<String> notes = unshared.isEmpty() ? List.of() : List.of(unshared.size()
                + (unshared.size() == 1 ? " event" : " events") + " of this console (" + self + ") "
                + (unshared.size() == 1 ? "was" : "were") + " not shared yet: "
                + (unshared.size() == 1 ? "it closes" : "they close") + " the timeline in this console's order, "
                + "and the other consoles' reports do not hold " + (unshared.size() == 1 ? "it" : "them") + " yet.");
        ReportRenderer.Prepared report = new ReportRenderer().prepare(RecordSource.of(records), notes);
        return new Rendered(report, consoles.size(), records.size(), unshared.size(), List.copyOf(said));
    }

    /** This console's acts (see the class comment) whose eids the merged timeline does not hold, in local order. */
    static List<JournalRecord> unshared(List<JournalRecord> local, MergedTimeline merged) {
        IncidentEvent.IncidentShared first = local.stream().map(JournalRecord::data)
                .filter(IncidentEvent.IncidentShared.class::isInstance).map(IncidentEvent.IncidentShared.class::cast)
                .findFirst().orElse(null);
        if (first == null) {
            return List.of(); // never shared from here: nothing of this console was meant for the stream
        }
        List<JournalRecord> out = new ArrayList<>();
        String console = first.joined() ? null : first.console();
        for (JournalRecord r : local) {
            if (r.data() instanceof IncidentEvent.IncidentShared sh) {
                console = sh.console();
            }
            if (console != null && !merged.contains(SharedEvent.eid(console, r.seq()))) {
                out.add(r);
            }
        }
        return out;
    }

    private static String consoleOf(List<JournalRecord> local, long seq) {
        String console = null;
        for (JournalRecord r : local) {
            if (r.data() instanceof IncidentEvent.IncidentShared sh && (console == null || r.seq() <= seq)) {
                console = sh.console();
            }
        }
        return console;
    }
}
