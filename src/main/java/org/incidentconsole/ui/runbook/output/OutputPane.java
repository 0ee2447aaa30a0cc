package org.incidentconsole.ui.runbook.output;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The output region: the shown run's tabs (all hosts, then one per host with its status), the run chooser
 * (run 1, run 2… of the selected step), Follow / Timestamps / Wrap, Copy, Detach, and the search bar (Ctrl+F).
 * It only binds {@link OutputViewModel}; it moves whole between the stepper and its own window.
 */
public final class OutputPane {
    private final OutputViewModel model;
    private final VBox root = new VBox(4);
    private final TabPane tabs = new TabPane();
    private final ChoiceBox<RunOutput> runChoice = new ChoiceBox<>();
    private final HBox searchBar = new HBox(6);
    private final TextField searchField = new TextField();
    private final Button detach = new Button("Detach");
    private final List<OutputList> lists = new ArrayList<>();

    public OutputPane(OutputViewModel model) {
        this.model = model;
        root.setId("output-box");
        root.getStyleClass().add("output-box");
        tabs.setId("output-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(80);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(toolbar(), searchBar(), tabs);
        model.shownProperty().addListener((obs, old, now) -> showRun(now));
        // an invalidation listener: a change listener misses a switch between two empty (equal) lists
        model.runsProperty().addListener(o -> showRuns());
        showRuns();
        model.followProperty().addListener((obs, was, now) -> {
            if (now) {
                lists.forEach(OutputList::followLater);
            }
        });
        model.timestampsProperty().addListener((obs, was, now) -> lists.forEach(OutputList::refresh));
        model.wrapProperty().addListener((obs, was, now) -> lists.forEach(OutputList::refresh));
        model.search().currentProperty().addListener((obs, was, now) -> showMatch());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> searchSelectedTab());
        showRun(model.shownProperty().get());
    }

    public VBox node() {
        return root;
    }

    /** Detach / Attach: the controller moves {@link #node()} between the stepper and a window of its own. */
    public Button detachButton() {
        return detach;
    }

    private FlowPane toolbar() {
        runChoice.setId("run-history");
        runChoice.setPrefWidth(170);
        runChoice.setMinWidth(Pane.USE_PREF_SIZE);
        runChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunOutput run) {
                return run == null ? "no run yet" : run.label();
            }

            @Override
            public RunOutput fromString(String text) {
                return null;
            }
        });
        runChoice.setValue(model.shownProperty().get());
        runChoice.valueProperty().addListener((obs, old, now) -> model.showRun(now));
        model.shownProperty().addListener((obs, old, now) -> runChoice.setValue(now));
        CheckBox follow = toggle("follow-output", "Follow output");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        CheckBox timestamps = toggle("output-timestamps", "Timestamps");
        timestamps.selectedProperty().bindBidirectional(model.timestampsProperty());
        CheckBox wrap = toggle("output-wrap", "Wrap lines");
        wrap.selectedProperty().bindBidirectional(model.wrapProperty());
        Button copy = new Button("Copy output");
        copy.setId("copy-output");
        copy.setMinWidth(Pane.USE_PREF_SIZE);
        copy.setOnAction(e -> copy());
        Button find = new Button("Find…");
        find.setId("output-find");
        find.setMinWidth(Pane.USE_PREF_SIZE);
        find.setOnAction(e -> focusSearch());
        detach.setId("output-detach");
        detach.setMinWidth(Pane.USE_PREF_SIZE);
        detach.textProperty().bind(Bindings.when(model.detachedProperty()).then("Attach").otherwise("Detach"));
        // a flow, not a row: in a narrow column the controls wrap instead of holding the column wide
        FlowPane bar = new FlowPane(8, 4, runChoice, follow, timestamps, wrap, find, copy, detach);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("output-toolbar");
        return bar;
    }

    /**
     * The shown step's runs in the chooser, off with fewer than two. An invalidation listener calls this: a change
     * listener misses a switch between two steps' empty (equal) lists.
     */
    private void showRuns() {
        ObservableList<RunOutput> runs = model.runsProperty().get();
        runChoice.setItems(runs);
        runChoice.disableProperty().bind(Bindings.size(runs).lessThan(2));
        runChoice.setValue(model.shownProperty().get());
    }

    private static CheckBox toggle(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Pane.USE_PREF_SIZE);
        return box;
    }

    private HBox searchBar() {
        searchField.setId("output-search");
        searchField.setPromptText("Find in output (Enter: next, Shift+Enter: previous)");
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchField.textProperty().bindBidirectional(model.search().queryProperty());
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    model.search().previous();
                } else {
                    model.search().next();
                }
                e.consume();
            }
        });
        Label count = new Label();
        count.setId("output-search-count");
        count.setMinWidth(Pane.USE_PREF_SIZE);
        count.textProperty().bind(model.search().summaryProperty());
        Button previous = new Button("↑");
        previous.setId("output-search-previous");
        previous.setOnAction(e -> model.search().previous());
        Button next = new Button("↓");
        next.setId("output-search-next");
        next.setOnAction(e -> model.search().next());
        Button close = new Button("✕");
        close.setId("output-search-close");
        close.setOnAction(e -> closeSearch());
        searchBar.getChildren().addAll(searchField, count, previous, next, close);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        searchBar.setVisible(false);
        searchBar.managedProperty().bind(searchBar.visibleProperty());
        return searchBar;
    }

    /** Ctrl+F: shows the search bar and puts the cursor in it, the query selected. */
    public void focusSearch() {
        searchBar.setVisible(true);
        searchField.requestFocus();
        searchField.selectAll();
    }

    private void closeSearch() {
        model.search().queryProperty().set("");
        searchBar.setVisible(false);
        tabs.requestFocus();
    }

    private void showRun(RunOutput run) {
        lists.clear();
        tabs.getTabs().clear();
        if (run == null) {
            searchSelectedTab();
            return;
        }
        OutputList all = new OutputList("step-output", run.bounded(), model);
        lists.add(all);
        Tab allTab = new Tab("All hosts", all.view());
        allTab.setId("tab-All-hosts");
        tabs.getTabs().add(allTab);
        run.hosts().forEach(this::addHostTab);
        searchSelectedTab();
    }

    private void addHostTab(HostOutput host) {
        OutputList list = new OutputList("output-" + host.host(), host.bounded(), model);
        lists.add(list);
        Tab tab = new Tab(host.host(), list.view());
        tab.setId("tab-" + host.host());
        tab.textProperty().bind(Bindings.concat(host.host(), " · ", host.statusProperty()));
        tabs.getTabs().add(tab);
    }

    private OutputList selectedList() {
        int at = tabs.getSelectionModel().getSelectedIndex();
        return at >= 0 && at < lists.size() ? lists.get(at) : null;
    }

    private void searchSelectedTab() {
        OutputList list = selectedList();
        model.search().searchIn(list == null ? null : list.view().getItems());
        lists.forEach(OutputList::refresh);
    }

    /** The current match in view, marked; following stops so the view stays on it. */
    private void showMatch() {
        OutputList list = selectedList();
        if (list == null) {
            return;
        }
        int line = model.search().currentLine();
        if (line >= 0) {
            model.followProperty().set(false);
            list.scrollToLine(line);
        }
        list.refresh();
    }

    private void copy() {
        OutputList list = selectedList();
        if (list != null) {
            ObservableList<String> items = list.view().getItems();
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", items));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** For tests and the detached window: the list of the selected tab. */
    OutputList shownList() {
        return selectedList();
    }
}
