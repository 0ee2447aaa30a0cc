package org.incidentconsole.ui.timeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident's journal as a live timeline (#19 point 4): every event one line, newest at the bottom or on top,
 * filtered by kind and text. Follows whichever incident is current; at most {@link #MAX_ENTRIES} lines are kept
 * (the oldest go first; the journal and the report keep them all).
 */
public final class TimelineViewModel {
    public static final int MAX_ENTRIES = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(TimelineViewModel.class);
    /**
     * What another console's panels saw (health, breakers, connections): this console's panels read the same hosts
     * and journal the same, so the live timeline leaves theirs out (the merged report keeps every console's).
     */
    private static final Set<Class<? extends IncidentEvent>> SEEN_HERE_TOO = Set.of(IncidentEvent.HealthSample.class,
            IncidentEvent.HealthTransition.class, IncidentEvent.BreakerTransition.class,
            IncidentEvent.ConnectionChanged.class);
    private static final Comparator<TimelineEntry> OLDEST_FIRST = Comparator.comparingLong(TimelineEntry::seq);
    /** #22: once other consoles' events are shown, every line by time (this console's own keep journal order). */
    private static final Comparator<TimelineEntry> BY_TIME = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::console).thenComparingLong(TimelineEntry::seq);

    private final Executor ui;
    private final Executor io;
    private final ObservableList<TimelineEntry> all = FXCollections.observableArrayList();
    private final FilteredList<TimelineEntry> filtered = new FilteredList<>(all);
    private final SortedList<TimelineEntry> shown = new SortedList<>(filtered, OLDEST_FIRST);
    private final BooleanProperty newestFirst = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    private final Map<TimelineKind, BooleanProperty> kinds = new EnumMap<>(TimelineKind.class);
    private final SimpleStringProperty summary = new SimpleStringProperty("no incident yet");
    private final AtomicReference<TimelineFeed> feed = new AtomicReference<>();
    /** The step events other consoles shared, by console and sequence: their detail is not in this journal. */
    private final Map<String, IncidentEvent> elsewhere = new ConcurrentHashMap<>();
    private boolean mixed; // FX thread

    /**
     * @param ui the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param io where the journal is read
     */
    public TimelineViewModel(Executor ui, Executor io) {
        this.ui = ui;
        this.io = io;
        for (TimelineKind k : TimelineKind.values()) {
            BooleanProperty on = new SimpleBooleanProperty(true);
            on.addListener((obs, old, now) -> refilter());
            kinds.put(k, on);
        }
        text.addListener((obs, old, now) -> refilter());
        newestFirst.addListener((obs, old, now) -> order());
        filtered.addListener((ListChangeListener<TimelineEntry>) c -> count());
    }

    /**
     * Shows {@code session}'s journal from its first record, then every record as it is written; null shows none.
     * Call from any thread; the journal is read on the io executor.
     */
    public void follow(IncidentSession session) {
        TimelineFeed current = feed.get();
        if (current != null && current.session() == session) {
            return;
        }
        TimelineFeed next = session == null ? null : new TimelineFeed(session, ui, batch -> add(session, batch));
        feed.set(next);
        elsewhere.clear();
        ui.execute(() -> {
            mixed = false;
            order();
            all.clear();
            summary.set(session == null ? "no incident yet" : "reading the journal…");
        });
        if (next != null) {
            io.execute(() -> {
                try {
                    next.start();
                } catch (JournalException | RuntimeException e) {
                    LOG.warn("The timeline could not read {}: {}", session.journalFile(), e.getMessage());
                    ui.execute(() -> summary.set("the journal could not be read: " + e.getMessage()));
                }
            });
        }
    }

    private void add(IncidentSession from, List<TimelineEntry> batch) {
        TimelineFeed current = feed.get();
        if (current == null || current.session() != from) {
            return; // another incident is shown by now
        }
        all.addAll(batch);
        if (all.size() > MAX_ENTRIES) {
            all.remove(0, all.size() - MAX_ENTRIES);
        }
    }

    /**
     * #22: events other consoles shared in incident {@code incidentId} (from the follower's thread), shown among
     * this console's own; dropped if another incident is shown by now.
     */
    public void others(String incidentId, List<SharedEvent> events) {
        TimelineFeed current = feed.get();
        if (current == null || !current.session().id().equals(incidentId) || events.isEmpty()) {
            return;
        }
        String zone = current.session().state().started() == null ? null : current.session().state().started().zone();
        List<TimelineEntry> made = new ArrayList<>(events.size());
        for (SharedEvent e : events) {
            if (SEEN_HERE_TOO.contains(e.event().getClass())) {
                continue;
            }
            TimelineEntry entry = TimelineEntry.shared(e.record(), zone, e.console());
            if (entry.detailed()) {
                elsewhere.put(e.console() + "#" + e.localSeq(), e.event());
            }
            made.add(entry);
        }
        ui.execute(() -> {
            if (!mixed) {
                mixed = true;
                order();
            }
            add(current.session(), made);
        });
    }

    private void order() {
        Comparator<TimelineEntry> oldestFirst = mixed ? BY_TIME : OLDEST_FIRST;
        shown.setComparator(newestFirst.get() ? oldestFirst.reversed() : oldestFirst);
    }

    private void refilter() {
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        boolean every = kinds.values().stream().allMatch(BooleanProperty::get) && needle.isEmpty();
        filtered.setPredicate(every ? null : e -> kinds.get(e.kind()).get() && e.matches(needle));
    }

    private void count() {
        if (feed.get() == null) {
            return;
        }
        int total = all.size();
        summary.set(filtered.size() == total ? total + (total == 1 ? " event" : " events")
                : filtered.size() + " of " + total + " events");
    }

    /** The lines to show, filtered and in the chosen order. */
    public ObservableList<TimelineEntry> entries() {
        return shown;
    }

    public BooleanProperty newestFirstProperty() {
        return newestFirst;
    }

    /** Text a line must contain (who or what, any case) to be shown; blank shows all. */
    public StringProperty textFilterProperty() {
        return text;
    }

    /** Whether lines of {@code kind} are shown. */
    public BooleanProperty shownProperty(TimelineKind kind) {
        return kinds.get(kind);
    }

    /** "120 events", "7 of 120 events", or what is in the way. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /**
     * The command and output of a step event, read back from the journal (as written there: redacted); completes
     * on the io executor, with null for an entry that has none.
     */
    public CompletableFuture<TimelineDetail> detail(TimelineEntry entry) {
        TimelineFeed current = feed.get();
        if (current == null || entry == null || !entry.detailed()) {
            return CompletableFuture.completedFuture(null);
        }
        if (entry.fromElsewhere()) {
            return CompletableFuture.completedFuture(detailOf(elsewhere.get(entry.console() + "#" + entry.seq()),
                    entry));
        }
        Path file = current.session().journalFile();
        return CompletableFuture.supplyAsync(() -> {
            AtomicReference<IncidentEvent> found = new AtomicReference<>();
            try {
                JournalReader.scan(file, r -> {
                    if (r.seq() == entry.seq()) {
                        found.set(r.data());
                    }
                });
            } catch (JournalException e) {
                throw new CompletionException(e);
            }
            return detailOf(found.get(), entry);
        }, io);
    }

    private static TimelineDetail detailOf(IncidentEvent e, TimelineEntry entry) {
        if (e instanceof IncidentEvent.StepFinished f) {
            String output = f.output() != null && !f.output().isEmpty() ? f.output()
                    : f.reason() != null && !f.reason().isBlank() ? "(no output: " + f.reason() + ")"
                    : "(no output)";
            return new TimelineDetail(entry.what(), f.command(), output);
        } else if (e instanceof IncidentEvent.StepStarted s) {
            return new TimelineDetail(entry.what(), s.command(), null);
        }
        return null;
    }

    /** The line as a tooltip or a copy shows it: time as the report writes it, who, what. */
    public static String fullLine(TimelineEntry e) {
        return e.time() + " — " + (e.who().isEmpty() ? "" : e.who() + " — ") + e.what();
    }
}
