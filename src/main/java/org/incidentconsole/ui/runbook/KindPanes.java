package org.incidentconsole.ui.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.CodeBlock;
import org.incidentconsole.runbook.CommandFlag;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.StepKind;
import org.incidentconsole.ui.common.StyleClasses;

/**
 * The part of a step's view that depends on its kind: a choice's alternatives to pick from, a question's answers,
 * a manual step's Done and Skip, blocks shown verbatim, commands never run blind. Keys: 1–9 pick the alternative
 * or answer with that number, D marks Done, K Skip (see {@link #key}).
 */
final class KindPanes {
    private final WalkViewModel walk;
    private final Consumer<Runnable> ensureIncident;
    /** What the number keys and D/K do for the step shown now. */
    private final List<Runnable> numbered = new ArrayList<>();
    private Runnable done;
    private Runnable skip;

    KindPanes(WalkViewModel walk, Consumer<Runnable> ensureIncident) {
        this.walk = walk;
        this.ensureIncident = ensureIncident;
    }

    /** The nodes for {@code step}'s kind, in the order shown under its description. */
    List<Node> of(Step step) {
        numbered.clear();
        done = null;
        skip = null;
        List<Node> nodes = new ArrayList<>();
        Label kind = new Label(WalkText.kind(step) + (walk.inProcedure(step) ? ""
                : "  ·  not in the procedure walked: running it is journaled as out of procedure")
                + (walk.gatedOut(step) ? "  ·  passed over by an answer" : ""));
        kind.setId("step-kind");
        kind.setWrapText(true);
        nodes.add(kind);
        for (CodeBlock block : step.shownBlocks()) {
            nodes.add(new Label("Shown, never run" + (block.language() == null || block.language().isBlank() ? ""
                    : " (" + block.language() + ")") + ", line " + block.line() + ":"));
            nodes.add(verbatim(block.text(), "shown-" + block.line()));
        }
        if (step.kind() == StepKind.CHOICE && !step.choices().isEmpty()) {
            nodes.add(choices(step));
        }
        for (int i = 0; i < step.decisions().size(); i++) {
            nodes.add(question(step, step.decisions().get(i), i));
        }
        if (step.kind() == StepKind.MANUAL || !step.interactiveCommands().isEmpty()) {
            for (CommandFlag f : step.interactiveCommands()) {
                Label never = new Label("Never run blind (line " + f.line() + "): " + f.command() + " — " + f.reason());
                never.setWrapText(true);
                never.getStyleClass().add(StyleClasses.DANGER_BADGE);
                nodes.add(never);
            }
            nodes.add(manual(step));
        }
        return nodes;
    }

    private static TextArea verbatim(String text, String id) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setId(id);
        area.getStyleClass().add(StyleClasses.SCRIPT);
        area.setPrefRowCount(Math.min(10, (int) text.lines().count() + 1));
        return area;
    }

    private Node choices(Step step) {
        VBox box = new VBox(4);
        box.setId("choices");
        Alternative chosen = walk.chosen(step).orElse(null);
        box.getChildren().add(new Label(chosen == null ? "Choose one — only the chosen alternative runs:"
                : "Chosen: " + chosen.label() + " — the others are skipped."));
        int n = 0;
        for (Alternative a : step.choices()) {
            n++;
            Button pick = new Button(n + " · " + a.label() + "  (line " + a.line() + ")"
                    + (a.equals(chosen) ? "  ✓" : ""));
            pick.setId("alternative-" + n);
            pick.setWrapText(true);
            pick.setMaxWidth(Double.MAX_VALUE);
            Runnable act = () -> ensureIncident.accept(() -> walk.choose(step, a));
            pick.setOnAction(e -> act.run());
            numbered.add(act);
            box.getChildren().add(pick);
            for (Step s : a.steps()) {
                s.shellBlocks().forEach(b -> box.getChildren().add(verbatim(b.script().strip(),
                        "alternative-" + box.getChildren().size() + "-script")));
            }
        }
        return box;
    }

    private Node question(Step step, Decision decision, int index) {
        VBox box = new VBox(4);
        box.setId("question-" + index);
        Decision.Answer given = walk.answered(step, decision).orElse(null);
        Label q = new Label("? " + decision.question() + (given == null ? "" : "   → " + given.text()));
        q.setId("question-text-" + index);
        q.setWrapText(true);
        box.getChildren().add(q);
        FlowPane answers = new FlowPane(6, 4);
        int n = 0;
        for (Decision.Answer a : decision.answers()) {
            n++;
            Button answer = new Button(n + " · " + a.text() + (a.target() == null ? ""
                    : "  → " + a.target().replaceAll(".* › ", "")) + (a.equals(given) ? "  ✓" : ""));
            answer.setId("answer-" + index + "-" + n);
            answer.setWrapText(true);
            Runnable act = () -> ensureIncident.accept(() -> walk.answer(step, decision, a));
            answer.setOnAction(e -> act.run());
            if (index == 0 || walk.answered(step, step.decisions().get(0)).isPresent()) {
                numbered.add(act); // the number keys answer the first open question
            }
            answers.getChildren().add(answer);
        }
        box.getChildren().add(answers);
        return box;
    }

    private Node manual(Step step) {
        Button doneButton = new Button("Done (D)");
        doneButton.setId("manual-done");
        Button skipButton = new Button("Skip (K)");
        skipButton.setId("manual-skip");
        done = () -> ensureIncident.accept(() -> walk.mark(step, true));
        skip = () -> ensureIncident.accept(() -> walk.mark(step, false));
        doneButton.setOnAction(e -> done.run());
        skipButton.setOnAction(e -> skip.run());
        FlowPane row = new FlowPane(8, 4, doneButton, skipButton);
        row.setId("manual-actions");
        return row;
    }

    /** A key typed in the stepper (outside text fields): true when it picked, answered or marked something. */
    boolean key(String typed) {
        if (typed == null || typed.isEmpty()) {
            return false;
        }
        char c = Character.toLowerCase(typed.charAt(0));
        Runnable act = null;
        if (c >= '1' && c <= '9' && c - '1' < numbered.size()) {
            act = numbered.get(c - '1');
        } else if (c == 'd') {
            act = done;
        } else if (c == 'k') {
            act = skip;
        }
        if (act == null) {
            return false;
        }
        Platform.runLater(act);
        return true;
    }
}
