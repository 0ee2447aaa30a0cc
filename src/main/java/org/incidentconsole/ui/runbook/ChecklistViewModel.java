package org.incidentconsole.ui.runbook;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Step;

/**
 * The checklist ticks of the open runbook: a tick is journaled first and shows once it is on disk, with who
 * ticked it when. Each item's box follows a {@link TickState}.
 */
public final class ChecklistViewModel {
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Executor ui;
    private final Executor io;
    private final Supplier<IncidentSession> incident;
    private final String operator;
    private final Clock clock;
    private final Map<String, Boolean> ticked = new LinkedHashMap<>();
    private final Map<String, String> tickedBy = new LinkedHashMap<>();
    private final Map<String, TickState> states = new HashMap<>();

    ChecklistViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, String operator, Clock clock) {
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.operator = operator;
        this.clock = clock;
    }

    /** Forgets every tick (another runbook opened) or shows the journaled ones (a resumed walk). */
    void show(Map<String, Boolean> journaledTicks, Map<String, String> journaledBy) {
        ticked.clear();
        ticked.putAll(journaledTicks);
        tickedBy.clear();
        tickedBy.putAll(journaledBy);
        states.clear();
    }

    /** The state of {@code item}'s box; the same object for as long as the runbook stays open. */
    public TickState state(Step step, ChecklistItem item) {
        return states.computeIfAbsent(key(step, item), k -> new TickState(this, step, item));
    }

    /** Journals the tick first; {@link #isTicked} says so once it is on disk. Completes on the UI thread. */
    public CompletableFuture<Void> tick(Step step, ChecklistItem item, boolean checked) {
        return CompletableFuture.supplyAsync(() -> incident.get().record(new IncidentEvent.ChecklistToggled(
                step.pathText(), item.line(), item.text(), checked, operator)).join(), io)
                .thenCompose(r -> {
                    String by = ((IncidentEvent.ChecklistToggled) r.data()).by(); // as signed by the session
                    String when = HHMMSS.format(clock.instant());
                    CompletableFuture<Void> shown = new CompletableFuture<>();
                    ui.execute(() -> {
                        ticked.put(key(step, item), checked);
                        if (checked) {
                            tickedBy.put(key(step, item), by + " " + when);
                        } else {
                            tickedBy.remove(key(step, item));
                        }
                        shown.complete(null);
                    });
                    return shown;
                }).exceptionallyCompose(e -> {
                    CompletableFuture<Void> failed = new CompletableFuture<>();
                    ui.execute(() -> failed.completeExceptionally(e)); // the box is told on the UI thread too
                    return failed;
                });
    }

    /** "alice 14:03:12" for an item ticked in this window, else null. */
    public String tickedBy(Step step, ChecklistItem item) {
        return tickedBy.get(key(step, item));
    }

    public boolean isTicked(Step step, ChecklistItem item) {
        return ticked.getOrDefault(key(step, item), item.checked());
    }

    /** The item's text, and who ticked it when: "Health endpoint returns 200   ✓ alice 14:03:12". */
    public String label(Step step, ChecklistItem item) {
        String by = tickedBy(step, item);
        return by == null ? item.text() : item.text() + "   ✓ " + by;
    }

    private static String key(Step step, ChecklistItem item) {
        return step.pathText() + "#" + item.line();
    }
}
