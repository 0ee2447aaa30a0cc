package org.incidentconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.severity.Severity;

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
    /** #19 trends: the first health sample or breaker transition, where the trend charts start. */
    Instant trendsFrom;
    Instant recoveredAt;
    /** What marked the recovery: a milestone, health after the rollback, all checks OK, or only the Resolve. */
    String recoveredBy;
    private final Map<String, String> healthNow = new LinkedHashMap<>();
    private boolean degraded;
    private Instant allClearAt;
    Instant detectedAt;
    /** Per host and check: the state before the rollback (or the first seen) and the last state. */
    final Map<String, String[]> healthBeforeAfter = new LinkedHashMap<>();
    final List<IncidentEvent.BreakerAction> breakerActions = new ArrayList<>();
    /** Every checklist item of the runbook left unticked: follow-ups the action items table lists too. */
    List<String> untickedItems;
    /** How many records the facts were taken from: later passes over a live journal stop there. */
    long records;
    /** Each postmortem field's last save (a blank save clears it). */
    final Map<PostmortemField, Saved> postmortem = new EnumMap<>(PostmortemField.class);
    /** Severity periods in journal order: the severity and when it began. */
    final List<Map.Entry<Severity, Instant>> severities = new ArrayList<>();
    /** Role → people named for it, in the order named. */
    final Map<String, Set<String>> roles = new LinkedHashMap<>();
    final List<IncidentEvent.ActionItemAdded> actionItems = new ArrayList<>();
    final List<Messages.Message> messages = new ArrayList<>();
    /** #22 a shared incident: each console that shared or joined it → its operators, in the order met. */
    final Map<String, Set<String>> consoles = new LinkedHashMap<>();
    /** The first health transition away from OK: what the tooling saw first. */
    IncidentEvent.HealthTransition firstAlert;
    Instant firstAlertAt;
    IncidentEvent.Resolved resolved;
    /** Each step's values as it last started with them (journals from before #15 carry none). */
    private final Map<String, Map<String, String>> valuesByStep = new LinkedHashMap<>();
    /** The values the rollback step ran with: "rolled back from/to" are what ran, not what was typed later. */
    private Map<String, String> rolledBackWith;

    record Saved(String value, String by, Instant at) {
    }

    /** Folds one record in; call {@link #finish()} after the last. */
    void accept(JournalRecord r) {
        fold.accept(r);
        records++;
        if (startedAt == null) {
            startedAt = r.ts();
        }
        lastAt = r.ts();
        IncidentEvent e = r.data();
        if (trendsFrom == null && (e instanceof IncidentEvent.HealthSample
                || e instanceof IncidentEvent.BreakerTransition)) {
            trendsFrom = r.ts();
        }
        if (e instanceof IncidentEvent.Started s && started == null) {
            started = s;
            operators.add(s.operator());
            severities.add(Map.entry(s.severity(), r.ts()));
        }
        by(e);
        postmortem(r);
        if (e instanceof IncidentEvent.Resolved res) {
            endedAt = r.ts();
            resolved = res;
        } else if (e instanceof IncidentEvent.RunbookLoaded rl && runbook == null) {
            runbook = rl;
        } else if (e instanceof IncidentEvent.Milestone m) {
            if (m.kind().equals("ROLLED_BACK") && rolledBackAt == null) {
                rolledBackAt = r.ts();
                int arrow = m.detail() == null ? -1 : m.detail().lastIndexOf(" → ");
                rolledBackWith = arrow < 0 ? null : valuesByStep.get(m.detail().substring(0, arrow));
            } else if (m.kind().equals("RECOVERED") && recoveredAt == null) {
                recoveredAt = r.ts();
                recoveredBy = "marked recovered";
            }
        } else if (e instanceof IncidentEvent.HealthTransition h) {
            if (firstAlert == null && !"OK".equalsIgnoreCase(h.to())) {
                firstAlert = h;
                firstAlertAt = r.ts();
            }
            String[] beforeAfter = healthBeforeAfter.computeIfAbsent(h.host() + " / " + h.check(),
                    k -> new String[] {h.to(), h.to()});
            if (rolledBackAt == null) {
                beforeAfter[0] = h.to(); // the last state seen before the rollback
            }
            beforeAfter[1] = h.to();
            if (recoveredAt == null && rolledBackAt != null && "OK".equalsIgnoreCase(h.to())) {
                recoveredAt = r.ts();
                recoveredBy = "health OK after the rollback";
            }
            healthNow.put(h.host() + " / " + h.check(), h.to());
            if (!"OK".equalsIgnoreCase(h.to())) {
                degraded = true;
            } else if (allClearAt == null && degraded && healthNow.values().stream()
                    .allMatch("OK"::equalsIgnoreCase)) {
                allClearAt = r.ts();
            }
        } else if (e instanceof IncidentEvent.BreakerAction b) {
            breakerActions.add(b);
        } else if (e instanceof IncidentEvent.StepStarted st && st.values() != null) {
            valuesByStep.put(st.step(), st.values());
        } else if (e instanceof IncidentEvent.StepFinished f && f.outcome() == StepOutcome.OK) {
            Matcher m = RESTART.matcher(f.command());
            while (m.find()) {
                servicesRestarted.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
    }

    ReportFacts finish() {
        state = fold.state();
        started = state.started();
        if (recoveredAt == null && allClearAt != null) {
            recoveredAt = allClearAt;
            recoveredBy = "every health check OK again";
        }
        if (recoveredAt == null && endedAt != null) {
            recoveredAt = endedAt;
            recoveredBy = "Resolve; no health recovery recorded";
        }
        detectedAt = parseInstant(field(PostmortemField.DETECTED_AT));
        untickedItems = untickedItems(state, runbook);
        String listed = state.fields().get("services-restarted");
        if (listed != null && !listed.isBlank()) {
            servicesRestarted.clear();
            for (String s : listed.split("[,\\s]+")) {
                servicesRestarted.add(s);
            }
        }
        return this;
    }

    /** The postmortem's own events: fields, severity periods, roles, action items and messages. */
    private void postmortem(JournalRecord r) {
        IncidentEvent e = r.data();
        if (e instanceof IncidentEvent.FieldSet fs) {
            PostmortemField.byKey(fs.field()).ifPresent(field -> {
                if (fs.value() == null || fs.value().isBlank()) {
                    postmortem.remove(field);
                } else {
                    postmortem.put(field, new Saved(fs.value().strip(), fs.by(), r.ts()));
                }
            });
        } else if (e instanceof IncidentEvent.SeverityChanged sc && sc.to() != null) {
            severities.add(Map.entry(sc.to(), r.ts()));
        } else if (e instanceof IncidentEvent.RoleAssigned ra && ra.person() != null && !ra.person().isBlank()) {
            roles.computeIfAbsent(ra.role(), k -> new LinkedHashSet<>()).add(ra.person().strip());
        } else if (e instanceof IncidentEvent.ActionItemAdded a) {
            actionItems.add(a);
        } else if (e instanceof IncidentEvent.IncidentShared sh && sh.console() != null) {
            Set<String> who = consoles.computeIfAbsent(sh.console(), k -> new LinkedHashSet<>());
            if (sh.by() != null && !sh.by().isBlank()) {
                who.add(sh.by());
            }
        }
        Messages.of(r).ifPresent(messages::add);
    }

    /** Each severity the incident had, with the time spent at it (until the next change, Resolve or last event). */
    Map<Severity, Duration> timeAtSeverity() {
        Map<Severity, Duration> spent = new LinkedHashMap<>();
        Instant end = endedAt != null ? endedAt : lastAt;
        for (int i = 0; i < severities.size(); i++) {
            Instant from = severities.get(i).getValue();
            Instant to = i + 1 < severities.size() ? severities.get(i + 1).getValue() : end;
            if (endedAt != null && from.isAfter(endedAt)) {
                continue;
            }
            spent.merge(severities.get(i).getKey(), Duration.between(from, to), Duration::plus);
        }
        return spent;
    }

    String field(PostmortemField field) {
        Saved saved = postmortem.get(field);
        return saved == null ? null : saved.value();
    }

    private void by(IncidentEvent e) {
        String who = e instanceof IncidentEvent.Signed signed ? signed.by() : null;
        if (who != null && !who.isBlank()) {
            operators.add(who);
        }
    }

    private static List<String> untickedItems(IncidentState state, IncidentEvent.RunbookLoaded runbook) {
        List<String> items = new ArrayList<>();
        if (runbook != null) {
            for (var step : runbook.steps()) {
                for (var item : step.checklist()) {
                    var mark = state.checklist().get(IncidentState.checklistKey(step.path(), item.line()));
                    if (mark == null || !mark.checked()) {
                        items.add("Tick or follow up: " + item.text() + " (" + step.path() + ")");
                    }
                }
            }
        }
        return List.copyOf(items);
    }

    /** The value of the variable with this role: as the rollback step ran with it, else its last value set. */
    String variableWithRole(String role) {
        return state.variableRoles().entrySet().stream().filter(en -> role.equals(en.getValue()))
                .map(en -> rolledBackWith != null && rolledBackWith.containsKey(en.getKey())
                        ? rolledBackWith.get(en.getKey()) : state.variables().get(en.getKey()))
                .findFirst().orElse(null);
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
