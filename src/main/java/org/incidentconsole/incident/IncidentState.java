package org.incidentconsole.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.incidentconsole.severity.Severity;

/**
 * What the journal says so far, folded event by event. Replaying the same records always gives an equal
 * state: that is what resume relies on.
 */
public record IncidentState(
        IncidentEvent.Started started,
        Instant startedAt,
        Severity severity,
        Map<String, String> variables,
        Map<String, String> variableRoles,
        Map<String, ChecklistMark> checklist,
        Map<String, IncidentEvent.StepFinished> lastRuns,
        Map<String, String> health,
        Map<String, String> fields,
        List<String> notes,
        List<String> actionItems,
        List<String> lessons,
        List<String> milestones,
        boolean resolved,
        long lastSeq,
        Instant lastAt,
        Lifecycle lifecycle,
        Walk walk,
        CommsHistory comms) {

    /** The state without the comms part (#21): as it was built before messages were sent from the console. */
    public IncidentState(IncidentEvent.Started started, Instant startedAt, Severity severity,
                         Map<String, String> variables, Map<String, String> variableRoles,
                         Map<String, ChecklistMark> checklist, Map<String, IncidentEvent.StepFinished> lastRuns,
                         Map<String, String> health, Map<String, String> fields, List<String> notes,
                         List<String> actionItems, List<String> lessons, List<String> milestones, boolean resolved,
                         long lastSeq, Instant lastAt, Lifecycle lifecycle, Walk walk) {
        this(started, startedAt, severity, variables, variableRoles, checklist, lastRuns, health, fields, notes,
                actionItems, lessons, milestones, resolved, lastSeq, lastAt, lifecycle, walk, CommsHistory.NONE);
    }

    /**
     * The incident as it stands now (#15): title and trigger as last edited, who signs acts at this point of the
     * journal, the status, and when it was resolved (null while open).
     */
    public record Lifecycle(String title, String trigger, String operator, IncidentStatus status,
                            Instant resolvedAt) {
        static final Lifecycle NONE = new Lifecycle(null, null, null, null, null);
    }

    public record ChecklistMark(String step, int line, String item, boolean checked, String by, Instant at) {
    }

    /**
     * Issue 15 item 4 (resume): the runbook last loaded (null if none), each step still running on a host when the
     * journal ends (run key → its StepStarted, none of StepFinished/StepSkipped after it: a crash mid-step), and the
     * path of the step that started last (null if none). Issue 16 (resume restores the walk): the procedure last
     * chosen (null if never), each choice step's last AlternativeChosen (step path → it), each question's last
     * answer ({@link #answerKey} → it) and each manual step's last mark (step path → ManualStepMarked.mark).
     */
    public record Walk(IncidentEvent.RunbookLoaded runbook, Map<String, IncidentEvent.StepStarted> interrupted,
                       String lastStep, String procedure, Map<String, IncidentEvent.AlternativeChosen> chosen,
                       Map<String, String> answers, Map<String, ManualMark> manual) {
        static final Walk NONE = new Walk(null, Map.of(), null);

        public Walk(IncidentEvent.RunbookLoaded runbook, Map<String, IncidentEvent.StepStarted> interrupted,
                    String lastStep) {
            this(runbook, interrupted, lastStep, null, Map.of(), Map.of(), Map.of());
        }

        public static String answerKey(String step, String question) {
            return step + " ? " + question;
        }
    }

    public static IncidentState empty() {
        return new IncidentState(null, null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
                List.of(), List.of(), List.of(), false, 0, null, Lifecycle.NONE,
                Walk.NONE, CommsHistory.NONE);
    }

    public static IncidentState replay(List<JournalRecord> records) {
        Fold fold = new Fold(empty());
        records.forEach(fold);
        return fold.state();
    }

    public static String checklistKey(String step, int line) {
        return step + "#" + line;
    }

    public static String runKey(String step, String host) {
        return step + " @ " + host;
    }

    public IncidentState apply(JournalRecord record) {
        Fold fold = new Fold(this);
        fold.accept(record);
        return fold.state();
    }

    /** Folds records one by one in linear time (a replay of a long journal copies nothing per event). */
    public static final class Fold implements Consumer<JournalRecord> {
        private IncidentEvent.Started started;
        private Instant startedAt;
        private Severity severity;
        private final Map<String, String> variables;
        private final Map<String, String> roles;
        private final Map<String, ChecklistMark> checklist;
        private final Map<String, IncidentEvent.StepFinished> runs;
        private final Map<String, String> health;
        private final Map<String, String> fields;
        private final List<String> notes;
        private final List<String> actionItems;
        private final List<String> lessons;
        private final List<String> milestones;
        private boolean resolved;
        private long lastSeq;
        private Instant lastAt;
        private Lifecycle lifecycle;
        private IncidentEvent.RunbookLoaded runbook;
        private final Map<String, IncidentEvent.StepStarted> interrupted;
        private String lastStep;
        private String procedure;
        private final Map<String, IncidentEvent.AlternativeChosen> chosen;
        private final Map<String, String> answers;
        private final Map<String, ManualMark> manual;
        private final CommsFold comms;

        public Fold(IncidentState from) {
            started = from.started;
            startedAt = from.startedAt;
            severity = from.severity;
            variables = new LinkedHashMap<>(from.variables);
            roles = new LinkedHashMap<>(from.variableRoles);
            checklist = new LinkedHashMap<>(from.checklist);
            runs = new LinkedHashMap<>(from.lastRuns);
            health = new LinkedHashMap<>(from.health);
            fields = new LinkedHashMap<>(from.fields);
            notes = new ArrayList<>(from.notes);
            actionItems = new ArrayList<>(from.actionItems);
            lessons = new ArrayList<>(from.lessons);
            milestones = new ArrayList<>(from.milestones);
            resolved = from.resolved;
            lastSeq = from.lastSeq;
            lastAt = from.lastAt;
            lifecycle = from.lifecycle;
            runbook = from.walk.runbook();
            interrupted = new LinkedHashMap<>(from.walk.interrupted());
            lastStep = from.walk.lastStep();
            procedure = from.walk.procedure();
            chosen = new LinkedHashMap<>(from.walk.chosen());
            answers = new LinkedHashMap<>(from.walk.answers());
            manual = new LinkedHashMap<>(from.walk.manual());
            comms = new CommsFold(from.comms);
        }

        @Override
        public void accept(JournalRecord record) {
            IncidentEvent e = record.data();
            if (e instanceof IncidentEvent.Started st) {
                started = st;
                startedAt = record.ts();
                severity = st.severity();
                lifecycle = new Lifecycle(st.title(), st.trigger(), st.operator(), IncidentStatus.INVESTIGATING, null);
            } else if (e instanceof IncidentEvent.SeverityChanged sc) {
                severity = sc.to();
            } else if (e instanceof IncidentEvent.VariableSet v) {
                variables.put(v.name(), v.value());
                if (v.role() != null) {
                    roles.put(v.name(), v.role());
                }
            } else if (e instanceof IncidentEvent.ChecklistToggled c) {
                checklist.put(checklistKey(c.step(), c.line()),
                        new ChecklistMark(c.step(), c.line(), c.item(), c.checked(), c.by(), record.ts()));
            } else if (e instanceof IncidentEvent.StepFinished f) {
                runs.put(runKey(f.step(), f.host()), f);
                interrupted.remove(runKey(f.step(), f.host()));
            } else if (e instanceof IncidentEvent.StepStarted st) {
                interrupted.put(runKey(st.step(), st.host()), st);
                lastStep = st.step();
            } else if (e instanceof IncidentEvent.StepSkipped sk) {
                interrupted.remove(runKey(sk.step(), sk.host()));
            } else if (e instanceof IncidentEvent.RunbookLoaded rl) {
                if (runbook != null && !Objects.equals(rl.source(), runbook.source())) {
                    procedure = null; // another runbook: the acts on the previous one do not carry over
                    chosen.clear();
                    answers.clear();
                    manual.clear();
                }
                runbook = rl;
            } else if (e instanceof IncidentEvent.HealthTransition h) {
                health.put(h.host() + " / " + h.check(), h.to());
            } else if (e instanceof IncidentEvent.FieldSet f) {
                fields.put(f.field(), f.value());
            } else if (e instanceof IncidentEvent.NoteAdded n) {
                notes.add(Objects.requireNonNull(n.text()));
            } else if (e instanceof IncidentEvent.ActionItemAdded a) {
                actionItems.add(Objects.requireNonNull(a.text()));
            } else if (e instanceof IncidentEvent.LessonAdded l) {
                lessons.add(Objects.requireNonNull(l.text()));
            } else if (e instanceof IncidentEvent.Milestone m) {
                milestones.add(Objects.requireNonNull(m.kind()));
            } else if (e instanceof IncidentEvent.Resolved) {
                resolved = true;
                lifecycle = new Lifecycle(lifecycle.title(), lifecycle.trigger(), lifecycle.operator(),
                        IncidentStatus.RESOLVED, record.ts());
            } else if (!walkAct(e) && !comms.accept(e, record.ts())) {
                lifecycle(e);
            }
            lastSeq = record.seq();
            lastAt = record.ts();
        }

        /** Issue 16: the walk's acts (procedure, alternatives, answers, manual marks); false for any other event. */
        private boolean walkAct(IncidentEvent e) {
            if (e instanceof IncidentEvent.ProcedureChosen p) {
                procedure = p.procedure();
            } else if (e instanceof IncidentEvent.AlternativeChosen a) {
                chosen.put(a.step(), a);
            } else if (e instanceof IncidentEvent.DecisionAnswered d) {
                answers.put(Walk.answerKey(d.step(), d.question()), d.answer());
            } else if (e instanceof IncidentEvent.ManualStepMarked m) {
                manual.put(m.step(), m.mark());
            } else {
                return false;
            }
            return true;
        }

        private void lifecycle(IncidentEvent e) {
            Lifecycle l = lifecycle;
            if (e instanceof IncidentEvent.SessionOpened o && o.operator() != null) {
                lifecycle = new Lifecycle(l.title(), l.trigger(), o.operator(), l.status(), l.resolvedAt());
            } else if (e instanceof IncidentEvent.OperatorChanged o) {
                lifecycle = new Lifecycle(l.title(), l.trigger(), o.to(), l.status(), l.resolvedAt());
            } else if (e instanceof IncidentEvent.DetailsEdited d) {
                lifecycle = new Lifecycle(d.title() == null ? l.title() : d.title(),
                        d.trigger() == null ? l.trigger() : d.trigger(), l.operator(), l.status(), l.resolvedAt());
            } else if (e instanceof IncidentEvent.StatusChanged c) {
                lifecycle = new Lifecycle(l.title(), l.trigger(), l.operator(), c.to(), l.resolvedAt());
            } else if (e instanceof IncidentEvent.Reopened) {
                resolved = false;
                lifecycle = new Lifecycle(l.title(), l.trigger(), l.operator(), IncidentStatus.INVESTIGATING, null);
            }
        }

        public IncidentState state() {
            return new IncidentState(started, startedAt, severity, frozen(variables), frozen(roles), frozen(checklist),
                    frozen(runs), frozen(health), frozen(fields), List.copyOf(notes), List.copyOf(actionItems),
                    List.copyOf(lessons), List.copyOf(milestones), resolved, lastSeq, lastAt, lifecycle,
                    new Walk(runbook, frozen(interrupted), lastStep, procedure, frozen(chosen), frozen(answers),
                            frozen(manual)), comms.state());
        }

        private static <V> Map<String, V> frozen(Map<String, V> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
