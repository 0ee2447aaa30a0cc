package org.incidentconsole.coordination;

import java.util.EnumSet;
import java.util.Set;
import org.incidentconsole.inventory.Environment;

/** The environments where a dangerous step needs a second operator's approval ({@code approval: required}). */
public record ApprovalPolicy(Set<Environment> required) {
    public ApprovalPolicy {
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    /** Production only. */
    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(Set.of(Environment.PRODUCTION));
    }

    public boolean needsApproval(Environment environment, boolean dangerous) {
        return dangerous && required.contains(environment);
    }
}
