package org.incidentconsole.runbook;

/** What the operator does with a step. */
public enum StepKind {
    /** Shell to run on the hosts. */
    RUN,
    /** Instructions only (prose, ordered lists, non-shell code, interactive commands): marked done or skipped. */
    MANUAL,
    /** Alternatives: the operator picks one, the others are skipped. */
    CHOICE,
    /** A question with answers; where the runbook ties answers to sections, the answer gates what follows. */
    DECISION,
    /** Task-list items to tick. */
    CHECKLIST
}
