package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * One list of output lines, single-spaced monospace: timestamps and wrapping on demand, search matches marked,
 * and following the newest line until the operator scrolls up (following again once they are back at the end).
 */
final class OutputList {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    static final String MATCH = "output-match";
    static final String CURRENT = "output-match-current";

    private final ListView<String> list;
    private final BoundedLines lines;
    private final OutputViewModel model;
    private boolean scrollPending;

    OutputList(String id, BoundedLines lines, OutputViewModel model) {
        this.lines = lines;
        this.model = model;
        this.list = new ListView<>(lines.lines());
        list.setId(id);
        list.getStyleClass().addAll("step-output", "output-list");
        list.setCellFactory(v -> new LineCell());
        list.getItems().addListener((ListChangeListener<String>) c -> followLater());
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.followProperty().set(false); // the operator reads back: the view stays put
            } else {
                Platform.runLater(this::resumeAtEnd);
            }
        });
        list.addEventHandler(KeyEvent.KEY_RELEASED, e -> Platform.runLater(this::followIfAtEnd));
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::followIfAtEnd));
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> Platform.runLater(this::followIfAtEnd));
        followLater();
    }

    ListView<String> view() {
        return list;
    }

    BoundedLines lines() {
        return lines;
    }

    /** Scrolls to the newest line once the list has laid out what was just added (not the line before it). */
    void followLater() {
        if (!model.followProperty().get() || scrollPending) {
            return;
        }
        scrollPending = true;
        Platform.runLater(() -> {
            scrollPending = false;
            if (model.followProperty().get() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
    }

    private void resumeAtEnd() {
        if (atEnd()) {
            model.followProperty().set(true);
        }
    }

    private void followIfAtEnd() {
        model.followProperty().set(atEnd());
    }

    /** The newest line is in view: the list is scrolled to its end, or everything fits. */
    boolean atEnd() {
        if (list.getItems().isEmpty()) {
            return true;
        }
        for (var node : list.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                return bar.getValue() >= bar.getMax() - 1e-3;
            }
        }
        return true;
    }

    /** The index of the last line in view, or -1 before the list is shown. */
    int lastVisible() {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> last = flow.getLastVisibleCell();
            return last == null ? -1 : last.getIndex();
        }
        return -1;
    }

    void scrollToLine(int index) {
        if (index >= 0 && index < list.getItems().size()) {
            list.scrollTo(Math.max(0, index - 2));
        }
    }

    void refresh() {
        list.refresh();
    }

    private final class LineCell extends ListCell<String> {
        LineCell() {
            getStyleClass().add("output-line");
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(MATCH, CURRENT);
            if (empty || line == null) {
                setText(null);
                return;
            }
            Instant at = lines.time(getIndex());
            setText(model.timestampsProperty().get() ? (at == null ? "            " : TIME.format(at)) + "  " + line
                    : line);
            boolean wrap = model.wrapProperty().get();
            setWrapText(wrap);
            if (wrap && !prefWidthProperty().isBound()) {
                prefWidthProperty().bind(list.widthProperty().subtract(24)); // wraps at the list's width
            } else if (!wrap && prefWidthProperty().isBound()) {
                prefWidthProperty().unbind();
                setPrefWidth(USE_COMPUTED_SIZE); // as wide as the line: the list scrolls sideways
            }
            OutputSearch search = model.search();
            if (search.currentLine() == getIndex()) {
                getStyleClass().add(CURRENT);
            } else if (search.matches(getIndex())) {
                getStyleClass().add(MATCH);
            }
        }
    }
}
