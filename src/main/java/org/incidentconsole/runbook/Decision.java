package org.incidentconsole.runbook;

import java.util.List;

/**
 * A question the runbook asks the operator ("What needs to be rolled back?", "Choose scope (1-5):", "(y/n)").
 * An answer's {@code target} is the heading path (joined with " › ") of the section it leads to, when the runbook
 * ties them (a link to an anchor, or menu text that names a heading); otherwise null.
 */
public record Decision(String question, int line, List<Answer> answers) {
    public Decision {
        answers = List.copyOf(answers);
    }

    public record Answer(String text, String target) {
    }
}
