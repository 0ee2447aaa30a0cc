package org.incidentconsole.runbook;

/** A value that may not go into a command: which variable, which rule, in one sentence. */
public class ValueRejectedException extends Exception {
    private final String variable;

    public ValueRejectedException(String variable, String rule) {
        super(variable + " " + rule);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
