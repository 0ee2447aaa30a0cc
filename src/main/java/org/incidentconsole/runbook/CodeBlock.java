package org.incidentconsole.runbook;

import java.util.List;

/**
 * A fenced block. A runnable one (a shell) is kept whole as one script: {@code script} is what runs
 * (console prompts stripped, their output dropped); {@code text} is the block as written. Other languages
 * are shown, never run. {@code alternatives} lists comment lines such as "OPTION B" or "Or if…" that offer a
 * choice: run whole, the block would run every alternative.
 */
public record CodeBlock(int line, String language, String name, String text, boolean runnable, String script,
                        List<Label> labels, List<Placeholder> placeholders, List<String> environmentVariables,
                        List<Danger> dangers, List<Label> alternatives) {
    public CodeBlock {
        alternatives = List.copyOf(alternatives);
        labels = List.copyOf(labels);
        placeholders = List.copyOf(placeholders);
        environmentVariables = List.copyOf(environmentVariables);
        dangers = List.copyOf(dangers);
    }

    /** A comment line of the script, shown as a label beside the command it precedes. */
    public record Label(int line, String text) {
    }
}
