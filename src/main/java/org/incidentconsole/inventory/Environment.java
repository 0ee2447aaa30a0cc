package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which world the inventory describes; the window shows it so nobody mistakes one for another. */
public enum Environment {
    PRODUCTION, STAGING, DRILL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Environment fromLabel(String label) {
        for (Environment e : values()) {
            if (e.label().equalsIgnoreCase(label.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values())
                .map(Environment::label).collect(Collectors.joining(", ")) + ", got " + FieldRules.show(label));
    }
}
