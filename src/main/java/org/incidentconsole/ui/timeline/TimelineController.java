package org.incidentconsole.ui.timeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import org.incidentconsole.ui.common.ErrorPresenter;

/**
 * The timeline pane (fxml/timeline_pane.fxml): the list, its filters, the order, and folding the pane away when
 * the column is short. Thin: lines, filters and order live in {@link TimelineViewModel}.
 */
public final class TimelineController {
    /** The keys this pane keeps in the window's remembered choices. */
    static final String ORDER = "timeline.order";
    static final String PANE = "timeline.pane";
    private static final double LIST_CELL_HEIGHT = 24;
    private static final double EXPANDED_DIVIDER = 0.68;
    static final int ROOMY_SCREEN = 1000;

    private final TimelineViewModel model;
    private SplitPane dock;
    private double expandedAt = EXPANDED_DIVIDER;
    private boolean scrollPending;
    /** The operator scrolled up to read earlier lines: new ones do not move the view until they scroll back down. */
    private boolean readingEarlier;
    private boolean restored;

    @FXML
    private VBox root;
    @FXML
    private VBox body;
    @FXML
    private ToggleButton collapse;
    @FXML
    private ToggleButton newestFirst;
    @FXML
    private Label count;
    @FXML
    private TextField search;
    @FXML
    private MenuButton kinds;
    @FXML
    private ListView<TimelineEntry> events;

    public TimelineController(TimelineViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        events.setItems(model.entries());
        events.setCellFactory(list -> new TimelineCell());
        events.setFixedCellSize(LIST_CELL_HEIGHT);
        events.setPlaceholder(new Label("Nothing yet: notes, steps, health and breaker changes appear here"));
        count.textProperty().bind(model.summaryProperty());
        search.textProperty().bindBidirectional(model.textFilterProperty());
        newestFirst.selectedProperty().bindBidirectional(model.newestFirstProperty());
        // the toggle says where the newest line is now
        newestFirst.textProperty().bind(Bindings.when(newestFirst.selectedProperty())
                .then("Newest on top").otherwise("Newest at bottom"));
        for (TimelineKind k : TimelineKind.values()) {
            CheckMenuItem item = new CheckMenuItem(k.glyph() + "  " + k.label());
            item.setId("timeline-kind-" + k.name().toLowerCase(Locale.ROOT));
            item.selectedProperty().bindBidirectional(model.shownProperty(k));
            item.selectedProperty().addListener((obs, old, now) -> kindsText());
            kinds.getItems().add(item);
        }
        kindsText();
        events.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                open(events.getSelectionModel().getSelectedItem());
            }
        });
        events.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(events.getSelectionModel().getSelectedItem());
            }
        });
        // newest at the bottom: keep the newest line in view while the operator has not scrolled away from it
        events.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::noteWhereTheOperatorIs));
        events.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::noteWhereTheOperatorIs));
        events.addEventFilter(KeyEvent.KEY_RELEASED, e -> Platform.runLater(this::noteWhereTheOperatorIs));
        model.entries().addListener((ListChangeListener<TimelineEntry>) c -> {
            int grown = 0;
            while (c.next()) {
                grown += c.getAddedSize() - c.getRemovedSize();
            }
            follow(grown);
        });
        body.visibleProperty().bind(collapse.selectedProperty().not());
        body.managedProperty().bind(body.visibleProperty());
        collapse.textProperty().bind(Bindings.when(collapse.selectedProperty()).then("▸").otherwise("▾"));
        collapse.selectedProperty().addListener((obs, old, folded) -> fold(folded));
    }

    private void kindsText() {
        long on = kinds.getItems().stream().filter(i -> ((CheckMenuItem) i).isSelected()).count();
        kinds.setText(on == kinds.getItems().size() ? "All kinds" : on + " of " + kinds.getItems().size() + " kinds");
    }

    /**
     * Newest at the bottom and the operator is not reading earlier lines: the view moves on with the new lines.
     * Only the operator's own scrolling decides that (a batch that lands before the last scroll was laid out must
     * not stop the following).
     */
    private void follow(int grown) {
        if (model.newestFirstProperty().get() || scrollPending || grown <= 0 || readingEarlier) {
            return;
        }
        scrollPending = true;
        Platform.runLater(() -> {
            scrollPending = false;
            events.scrollTo(events.getItems().size() - 1);
        });
    }

    /** After the operator scrolled (wheel, scroll bar, keys): reading earlier lines unless the last one is in view. */
    private void noteWhereTheOperatorIs() {
        VirtualFlow<?> flow = (VirtualFlow<?>) events.lookup(".virtual-flow");
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        readingEarlier = last != null && last.getIndex() < events.getItems().size() - 1;
    }

    private void open(TimelineEntry entry) {
        if (entry == null || !entry.detailed()) {
            return;
        }
        model.detail(entry).whenComplete((detail, err) -> Platform.runLater(() -> {
            if (err != null) {
                ErrorPresenter.show(events.getScene().getWindow(), "The step's output could not be read", err);
            } else if (detail != null) {
                StepOutputDialog.show(events.getScene().getWindow(), detail);
            }
        }));
    }

    /**
     * Lets the pane fold to its title row inside {@code pane} (the side column's split): folded, it takes the
     * title's height and the panes above get the room; unfolded, its divider goes back where it was.
     */
    public void dockIn(SplitPane pane) {
        this.dock = pane;
    }

    private void fold(boolean folded) {
        if (dock == null || dock.getDividers().isEmpty()) {
            return;
        }
        int last = dock.getDividers().size() - 1;
        if (folded) {
            expandedAt = dock.getDividerPositions()[last];
            root.setMaxHeight(Region.USE_PREF_SIZE);
            dock.setDividerPosition(last, 1.0);
        } else {
            root.setMaxHeight(Double.MAX_VALUE);
            dock.setDividerPosition(last, expandedAt > 0.95 ? EXPANDED_DIVIDER : expandedAt);
        }
    }

    /**
     * Puts order and folding back as the operator left them (keys of other panes are ignored). Never chosen: the
     * pane starts folded on a screen under {@value #ROOMY_SCREEN} px high (at 1280×800 health and breakers need
     * the column), open on a taller one. Only the first call counts: the window restores its layout again once
     * shown and maximized, by which time the operator may already have opened or folded the pane.
     */
    public void restore(Map<String, String> choices) {
        if (restored) {
            return;
        }
        restored = true;
        newestFirst.setSelected("newest-first".equals(choices.get(ORDER)));
        String pane = choices.get(PANE);
        collapse.setSelected(pane == null ? Screen.getPrimary().getVisualBounds().getHeight() < ROOMY_SCREEN
                : "folded".equals(pane));
    }

    /** This pane's choices, to be remembered with the window. */
    public Map<String, String> choices() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ORDER, newestFirst.isSelected() ? "newest-first" : "newest-last");
        out.put(PANE, collapse.isSelected() ? "folded" : "open");
        return out;
    }
}
