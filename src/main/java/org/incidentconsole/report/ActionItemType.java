package org.incidentconsole.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of action item the postmortem asks for. */
public enum ActionItemType {
    MITIGATE("mitigate", "lessens the impact next time"),
    PREVENT("prevent", "stops it happening again"),
    PROCESS("process", "changes how we respond");

    private final String key;
    private final String meaning;

    ActionItemType(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ActionItemType> byKey(String key) {
        return key == null ? Optional.empty() : Arrays.stream(values())
                .filter(t -> t.key.equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
