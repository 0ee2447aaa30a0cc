package org.incidentconsole.incident;

import java.util.List;

/** A step that may not run yet: what is missing, in words the operator can act on. */
public class StepNotReadyException extends Exception {
    private final List<String> missing;

    public StepNotReadyException(String message, List<String> missing) {
        super(message);
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
