package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
        // after the operator scrolls (wheel, keys, scroll bar): follow again at the end, else stay where they read
        list.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::followIfAtEnd));
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
                int newest = list.getItems().size() - 1;
                if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    list.layout(); // the flow learns the new line count in a layout pass: before it, it is ignored
                    flow.scrollTo(newest); // wholly in view at the bottom (ListView.scrollTo puts it at the top)
                } else {
                    list.scrollTo(newest);
                }
            }
        });
    }

    private void followIfAtEnd() {
        model.followProperty().set(atEnd());
    }

    /** The newest line is wholly in view: the list is scrolled to its end, or everything fits. */
    boolean atEnd() {
        if (list.getItems().isEmpty()) {
            return true;
        }
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> last = flow.getLastVisibleCell();
            return last == null || last.getIndex() >= list.getItems().size() - 1
                    && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 1;
        }
        return true;
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
