package org.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.incidentconsole.ssh.ExecOutcome;

/**
 * How a step ended on one host. The journal writes the name ({@code "outcome":"OK"}), the words journals have
 * always held. {@link #OK} is the one definition of success, for the runner, the stepper, the walk and the rollback
 * mark alike; NOT_RUN is a host where nothing ran (not connected, a value missing, cancelled before it started),
 * journaled as a skip, never as a finish.
 */
public enum StepOutcome {
    OK, FAILED, CANCELLED, UNKNOWN, NOT_RUN;

    /** A command's end as the step records it: a timeout is a failure (its reason says it timed out). */
    public static StepOutcome of(ExecOutcome outcome) {
        return switch (outcome) {
            case OK -> OK;
            case FAILED, TIMEOUT -> FAILED;
            case CANCELLED -> CANCELLED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Reads a journaled word; anything else is refused in one sentence (the reader adds the file and line). */
    @JsonCreator
    public static StepOutcome journaled(String word) {
        for (StepOutcome o : values()) {
            if (o.name().equals(word)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown step outcome \"" + word + "\" (known: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }

    public boolean ok() {
        return this == OK;
    }
}
