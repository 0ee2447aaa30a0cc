package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file's {@code approval:}: whether a dangerous step of a shared incident needs a second operator's approval.
 * Unwritten, production requires it and the other environments do not (as coordination's ApprovalPolicy).
 */
public enum ApprovalSetting {
    REQUIRED, NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What an inventory without {@code approval:} gets. */
    public static ApprovalSetting defaultFor(Environment environment) {
        return environment == Environment.PRODUCTION ? REQUIRED : NONE;
    }

    @JsonCreator
    public static ApprovalSetting fromLabel(String label) {
        for (ApprovalSetting a : values()) {
            if (a.label().equalsIgnoreCase(label.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("expected approval " + Arrays.stream(values())
                .map(ApprovalSetting::label).collect(Collectors.joining(" or ")) + ", got " + FieldRules.show(label));
    }
}
