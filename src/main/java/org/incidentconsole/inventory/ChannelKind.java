package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a {@code notify:} channel delivers: a chat service's incoming webhook, any JSON webhook, or e-mail. */
public enum ChannelKind {
    SLACK, MATTERMOST, TEAMS, DISCORD, WEBHOOK, EMAIL;

    /** The word written in the inventory's {@code type:}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChannelKind fromLabel(String label) {
        for (ChannelKind k : values()) {
            if (k.label().equalsIgnoreCase(label.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values())
                .map(ChannelKind::label).collect(Collectors.joining(", ")) + ", got " + FieldRules.show(label));
    }
}
