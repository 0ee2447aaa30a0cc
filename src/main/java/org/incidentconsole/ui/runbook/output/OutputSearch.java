package org.incidentconsole.ui.runbook.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Search in the output shown (Ctrl+F): which lines contain the query (ignoring case), which match is current,
 * and "2 of 5". Follows the lines as they stream in and as the shown list changes.
 */
public final class OutputSearch {
    private final SimpleStringProperty query = new SimpleStringProperty("");
    private final List<Integer> matches = new ArrayList<>();
    private final SimpleIntegerProperty current = new SimpleIntegerProperty(-1);
    private final SimpleStringProperty summary = new SimpleStringProperty("");
    private final ListChangeListener<String> onChange = c -> refresh(false);
    private ObservableList<String> lines;

    public OutputSearch() {
        query.addListener((obs, old, now) -> refresh(true));
    }

    /** Searches {@code shown} from now on (the selected tab's lines); null searches nothing. */
    public void searchIn(ObservableList<String> shown) {
        if (lines != null) {
            lines.removeListener(onChange);
        }
        lines = shown;
        if (lines != null) {
            lines.addListener(onChange);
        }
        refresh(true);
    }

    private void refresh(boolean toFirst) {
        Integer was = current.get() >= 0 && current.get() < matches.size() ? matches.get(current.get()) : null;
        matches.clear();
        String q = query.get() == null ? "" : query.get().toLowerCase(Locale.ROOT);
        if (!q.isEmpty() && lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).toLowerCase(Locale.ROOT).contains(q)) {
                    matches.add(i);
                }
            }
        }
        int at = matches.isEmpty() ? -1 : toFirst || was == null ? 0 : Math.max(0, matches.indexOf(was));
        current.set(-1); // a listener hears the same line again after the list moved under it
        current.set(at);
        showSummary();
    }

    private void showSummary() {
        summary.set(query.get() == null || query.get().isEmpty() ? ""
                : matches.isEmpty() ? "no match" : (current.get() + 1) + " of " + matches.size());
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int by) {
        if (!matches.isEmpty()) {
            current.set(Math.floorMod(current.get() + by, matches.size()));
            showSummary();
        }
    }

    /** The line index of the current match, or -1. */
    public int currentLine() {
        return current.get() < 0 || current.get() >= matches.size() ? -1 : matches.get(current.get());
    }

    public boolean matches(int line) {
        String q = query.get();
        return q != null && !q.isEmpty() && lines != null && line >= 0 && line < lines.size()
                && lines.get(line).toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    public List<Integer> matchedLines() {
        return List.copyOf(matches);
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Which match is current (0-based), -1 with none. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current;
    }

    /** "2 of 5", "no match", or "" with no query. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
