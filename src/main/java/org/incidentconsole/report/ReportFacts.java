package org.incidentconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.JournalRecord;

/** What the report needs, derived from the journal records in one pass. */
final class ReportFacts {
    private static final Pattern RESTART = Pattern.compile("\\bsystemctl\\s+(?:-\\S+\\s+){0,4}restart\\s+([\\w@.-]+)"
            + "|\\bservice\\s+([\\w@.-]+)\\s+restart\\b");

    private final IncidentState.Fold fold = new IncidentState.Fold(IncidentState.empty());
    IncidentState state;
    IncidentEvent.Started started;
    Instant startedAt;
    Instant endedAt;
    Instant lastAt;
    final Set<String> operators = new LinkedHashSet<>();
    final Set<String> servicesRestarted = new LinkedHashSet<>();
    IncidentEvent.RunbookLoaded runbook;
    Instant rolledBackAt;
    Instant recoveredAt;
    Instant detectedAt;
    /** Per host and check: the state before the rollback (or the first seen) and the last state. */
    final Map<String, String[]> healthBeforeAfter = new LinkedHashMap<>();
    final List<IncidentEvent.BreakerAction> breakerActions = new ArrayList<>();
    /** Action items entered by the operator, then every checklist item of the runbook left unticked. */
    List<String> openActionItems;
    /** How many records the facts were taken from: later passes over a live journal stop there. */
    long records;

    /** Folds one record in; call {@link #finish()} after the last. */
    void accept(JournalRecord r) {
        fold.accept(r);
        records++;
        if (startedAt == null) {
            startedAt = r.ts();
        }
        lastAt = r.ts();
        IncidentEvent e = r.data();
        if (e instanceof IncidentEvent.Started s && started == null) {
            started = s;
            operators.add(s.operator());
        }
        by(e);
        if (e instanceof IncidentEvent.Resolved) {
            endedAt = r.ts();
        } else if (e instanceof IncidentEvent.RunbookLoaded rl && runbook == null) {
            runbook = rl;
        } else if (e instanceof IncidentEvent.Milestone m) {
            if (m.kind().equals("ROLLED_BACK") && rolledBackAt == null) {
                rolledBackAt = r.ts();
            } else if (m.kind().equals("RECOVERED") && recoveredAt == null) {
                recoveredAt = r.ts();
            }
        } else if (e instanceof IncidentEvent.HealthTransition h) {
            String[] beforeAfter = healthBeforeAfter.computeIfAbsent(h.host() + " / " + h.check(),
                    k -> new String[] {h.to(), h.to()});
            if (rolledBackAt == null) {
                beforeAfter[0] = h.to(); // the last state seen before the rollback
            }
            beforeAfter[1] = h.to();
            if (recoveredAt == null && rolledBackAt != null && "OK".equalsIgnoreCase(h.to())) {
                recoveredAt = r.ts();
            }
        } else if (e instanceof IncidentEvent.BreakerAction b) {
            breakerActions.add(b);
        } else if (e instanceof IncidentEvent.StepFinished f && "OK".equals(f.outcome())) {
            Matcher m = RESTART.matcher(f.command());
            while (m.find()) {
                servicesRestarted.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
    }

    ReportFacts finish() {
        state = fold.state();
        started = state.started();
        if (recoveredAt == null) {
            recoveredAt = endedAt;
        }
        detectedAt = parseInstant(state.fields().get("detected-at"));
        openActionItems = openActionItems(state, runbook);
        String listed = state.fields().get("services-restarted");
        if (listed != null && !listed.isBlank()) {
            servicesRestarted.clear();
            for (String s : listed.split("[,\\s]+")) {
                servicesRestarted.add(s);
            }
        }
        return this;
    }

    private void by(IncidentEvent e) {
        String who = null;
        if (e instanceof IncidentEvent.ChecklistToggled c) {
            who = c.by();
        } else if (e instanceof IncidentEvent.DangerConfirmed d) {
            who = d.by();
        } else if (e instanceof IncidentEvent.NoteAdded n) {
            who = n.by();
        } else if (e instanceof IncidentEvent.Resolved r) {
            who = r.by();
        }
        if (who != null && !who.isBlank()) {
            operators.add(who);
        }
    }

    private static List<String> openActionItems(IncidentState state, IncidentEvent.RunbookLoaded runbook) {
        List<String> items = new ArrayList<>(state.actionItems());
        if (runbook != null) {
            for (var step : runbook.steps()) {
                for (var item : step.checklist()) {
                    var mark = state.checklist().get(IncidentState.checklistKey(step.path(), item.line()));
                    if (mark == null || !mark.checked()) {
                        items.add("Checklist item not ticked: " + item.text() + " (" + step.path() + ")");
                    }
                }
            }
        }
        return List.copyOf(items);
    }

    String variableWithRole(String role) {
        return state.variableRoles().entrySet().stream().filter(en -> role.equals(en.getValue()))
                .map(en -> state.variables().get(en.getKey())).findFirst().orElse(null);
    }

    Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
