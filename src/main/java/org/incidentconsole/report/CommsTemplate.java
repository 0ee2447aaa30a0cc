package org.incidentconsole.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The comms messages the console offers, filled from {@link CommsFacts}: each gives a subject (the e-mail subject,
 * the card's title) and a plain-text body, no markdown, so every channel shows it as written. FREE gives only the
 * subject: the operator writes the text.
 */
public enum CommsTemplate {
    INITIAL("Initial alert", f -> "",
            f -> f.title() + "\n"
                    + "Severity: " + f.severityWithMeaning() + "\n"
                    + "Status: " + f.status() + "\n"
                    + "Environment: " + f.environment() + "\n"
                    + (f.trigger() == null || f.trigger().isBlank() ? "" : "Trigger: " + f.trigger() + "\n")
                    + "User impact: " + f.impact() + "\n"
                    + "Incident " + f.incident() + ", handled by " + f.operator() + ".\n"
                    + "We are on it." + next(f)),
    PROGRESS("Progress update", f -> ": update",
            f -> f.title() + "\n"
                    + "Status: " + f.status() + ", for " + ReportTimes.duration(f.running()) + " now\n"
                    + "Where we are: " + where(f) + "\n"
                    + rolledBack(f)
                    + "User impact: " + f.impact() + "\n"
                    + "Severity: " + f.severityWithMeaning() + "\n"
                    + "Handled by " + f.operator() + "." + next(f)),
    ROLLBACK("Rollback complete", f -> ": rolled back",
            f -> f.title() + ": rollback complete.\n"
                    + "Now running " + (f.rollbackTo() == null ? "the previous release" : f.rollbackTo())
                    + (f.rollbackFrom() == null ? "" : " (was " + f.rollbackFrom() + ")") + ".\n"
                    + "Status: " + f.status() + "\n"
                    + "User impact: " + f.impact() + "\n"
                    + "We keep watching health and error rates; the incident stays open until they hold."
                    + next(f)),
    RESOLVED("Resolved", f -> ": resolved",
            f -> f.title() + " is resolved after " + ReportTimes.duration(f.running()) + ".\n"
                    + rolledBack(f)
                    + "User impact: " + f.impact() + "\n"
                    + "Incident " + f.incident() + ", handled by " + f.operator() + ".\n"
                    + "No further updates unless it comes back; a postmortem follows."),
    FREE("Free text", f -> "", f -> "");

    /** A filled template: what the editor starts with. */
    public record Filled(String subject, String text) {
    }

    private final String label;
    private final Function<CommsFacts, String> subjectTail;
    private final Function<CommsFacts, String> body;

    CommsTemplate(String label, Function<CommsFacts, String> subjectTail, Function<CommsFacts, String> body) {
        this.label = label;
        this.subjectTail = subjectTail;
        this.body = body;
    }

    /** The word journaled in {@code MessagePosted.template} and typed after {@code --template}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the template chooser shows. */
    public String label() {
        return label;
    }

    public static Optional<CommsTemplate> byWord(String word) {
        return word == null ? Optional.empty() : Arrays.stream(values())
                .filter(t -> t.word().equalsIgnoreCase(word.strip())).findFirst();
    }

    /** "[P1] Checkout fails: update"; the initial alert and free text carry the title alone. */
    public String subject(CommsFacts f) {
        return "[" + (f.severity() == null ? "?" : f.severity()) + "] " + f.title() + subjectTail.apply(f);
    }

    public String text(CommsFacts f) {
        return body.apply(f);
    }

    public Filled fill(CommsFacts f) {
        return new Filled(subject(f), text(f));
    }

    private static String next(CommsFacts f) {
        return f.nextUpdate() == null ? "" : " Next update by " + f.nextUpdate() + ".";
    }

    private static String where(CommsFacts f) {
        return f.steps() <= 0 ? (f.stepTitle() == null ? "no runbook step under way" : f.stepTitle())
                : "step " + f.step() + " of " + f.steps() + (f.stepTitle() == null ? "" : ", " + f.stepTitle());
    }

    private static String rolledBack(CommsFacts f) {
        return f.rollbackTo() == null ? "" : "Rolled back to " + f.rollbackTo()
                + (f.rollbackFrom() == null ? "" : " from " + f.rollbackFrom()) + ".\n";
    }
}
