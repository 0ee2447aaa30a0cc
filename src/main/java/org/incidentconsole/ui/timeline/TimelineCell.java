package org.incidentconsole.ui.timeline;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One timeline line: kind glyph, UTC clock, who signed, what. Cells are reused as the list scrolls (only the
 * visible lines have nodes); the whole line, with the time as the report writes it, is in the tooltip.
 */
final class TimelineCell extends ListCell<TimelineEntry> {
    private final Label glyph = new Label();
    private final Label clock = new Label();
    private final Label who = new Label();
    private final Label what = new Label();
    private final HBox line = new HBox(6, glyph, clock, who, what);
    private final Tooltip tip = new Tooltip();

    TimelineCell() {
        getStyleClass().add("timeline-cell");
        glyph.getStyleClass().add("timeline-glyph");
        clock.getStyleClass().add("timeline-clock");
        who.getStyleClass().add("timeline-who");
        what.getStyleClass().add("timeline-what");
        glyph.setMinWidth(USE_PREF_SIZE);
        clock.setMinWidth(USE_PREF_SIZE);
        who.setMinWidth(USE_PREF_SIZE);
        what.setTextOverrun(OverrunStyle.ELLIPSIS);
        what.setMinWidth(0);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        setPrefWidth(0); // as wide as the list, never wider: long lines are elided, not scrolled sideways
        tip.setWrapText(true);
        tip.setMaxWidth(600);
    }

    @Override
    protected void updateItem(TimelineEntry e, boolean empty) {
        super.updateItem(e, empty);
        getStyleClass().removeIf(c -> c.startsWith("tone-") || c.startsWith("kind-") || c.equals("detailed"));
        if (empty || e == null) {
            setGraphic(null);
            setTooltip(null);
            setText(null);
            return;
        }
        glyph.setText(e.kind().glyph());
        clock.setText(e.clock());
        who.setText(e.who());
        who.setVisible(!e.who().isEmpty());
        who.setManaged(!e.who().isEmpty());
        what.setText(e.what());
        if (!e.tone().isEmpty()) {
            getStyleClass().add("tone-" + e.tone());
        }
        getStyleClass().add("kind-" + e.kind().name().toLowerCase(Locale.ROOT));
        if (e.detailed()) {
            getStyleClass().add("detailed");
        }
        tip.setText(TimelineViewModel.fullLine(e) + (e.detailed() ? "\n(click: command and output)" : ""));
        setTooltip(tip);
        setGraphic(line);
    }
}
