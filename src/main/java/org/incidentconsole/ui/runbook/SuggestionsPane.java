package org.incidentconsole.ui.runbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.incidentconsole.incident.SuggestedValues;
import org.incidentconsole.runbook.Placeholder;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.SuggestionSource;

/**
 * Where a placeholder's value can come from: the earlier step whose command prints values of its shape, and, once
 * that step ran here, those values with the rest of their line; a click fills the placeholder.
 */
final class SuggestionsPane {
    private SuggestionsPane() {
    }

    /** @param refresh shows the step again (its fields take the value picked) */
    static List<Node> of(Step step, StepperViewModel model, Runnable refresh) {
        Set<SuggestionSource> sources = new LinkedHashSet<>(step.suggestions());
        model.walk().runs(step).forEach(s -> sources.addAll(s.suggestions()));
        List<Node> nodes = new ArrayList<>();
        int n = 0;
        for (SuggestionSource source : sources) {
            String key = key(step, model, source.token());
            VBox box = new VBox(2);
            box.setId("suggestions-" + n);
            Label from = new Label("Values for " + source.token() + " (" + source.shape().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ") come from " + source.stepPath().replaceAll(".* › ", "") + ", line "
                    + source.line() + ": " + source.command());
            from.setWrapText(true);
            box.getChildren().add(from);
            List<SuggestedValues.Suggestion> found = SuggestedValues.from(source.shape(),
                    model.outputOf(source.stepPath()));
            int i = 0;
            for (SuggestedValues.Suggestion s : found) {
                Button pick = new Button(s.line());
                pick.setId("suggestion-" + n + "-" + ++i);
                pick.setMnemonicParsing(false);
                pick.setOnAction(e -> {
                    model.setValue(key, s.value());
                    model.commitValue(key);
                    refresh.run();
                });
                box.getChildren().add(pick);
            }
            if (found.isEmpty()) {
                box.getChildren().add(new Label("Run that step to pick a value from its output."));
            }
            nodes.add(box);
            n++;
        }
        return nodes;
    }

    /** The value key of the placeholder written {@code token}: its variable's name, else the token itself. */
    private static String key(Step step, StepperViewModel model, String token) {
        List<Placeholder> all = new ArrayList<>(step.placeholders());
        model.walk().runs(step).forEach(s -> all.addAll(s.placeholders()));
        return all.stream().filter(p -> p.token().equals(token)).findFirst()
                .map(p -> p.kind() == Placeholder.Kind.VARIABLE ? p.name() : p.token()).orElse(token);
    }
}
