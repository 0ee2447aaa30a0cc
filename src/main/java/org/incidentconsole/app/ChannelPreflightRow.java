package org.incidentconsole.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What preflight found for one {@code notify:} channel or the status page: which environment variables its secrets
 * come from and which of them are not set (names only, never a value). Nothing is sent: the check reads the
 * environment only. {@code ok} is whether every secret is set.
 */
record ChannelPreflightRow(String channel, String type, List<String> named, List<String> missing) {
    static final List<String> COLUMNS = List.of("channel", "type", "secrets");

    ChannelPreflightRow {
        named = List.copyOf(named);
        missing = List.copyOf(missing);
    }

    boolean ok() {
        return missing.isEmpty();
    }

    /** "set ($A, $B)", "not set: $B (set: $A)", or "none needed". */
    String secrets() {
        if (named.isEmpty()) {
            return "none needed";
        }
        if (missing.isEmpty()) {
            return "set (" + dollars(named) + ")";
        }
        List<String> set = new ArrayList<>(named);
        set.removeAll(missing);
        return "not set: " + dollars(missing) + (set.isEmpty() ? "" : " (set: " + dollars(set) + ")");
    }

    List<String> cells() {
        return List.of(channel, type, secrets());
    }

    /** As a row of the host table (the window's one table): the channel where the host goes, its secrets as auth. */
    List<String> hostCells() {
        List<String> cells = new ArrayList<>();
        for (String column : PreflightRow.COLUMNS) {
            cells.add(switch (column) {
                case "host" -> "notify " + channel;
                case "reach" -> type + " (not contacted)";
                case "auth" -> secrets();
                default -> "-";
            });
        }
        return cells;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel);
        m.put("type", type);
        m.put("ok", ok());
        m.put("secrets", named);
        m.put("missing", missing);
        return m;
    }

    private static String dollars(List<String> names) {
        return String.join(", ", names.stream().map(n -> "$" + n).toList());
    }
}
