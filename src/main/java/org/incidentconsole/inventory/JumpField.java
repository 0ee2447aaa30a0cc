package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the inventory's {@code jump} (one hop, a comma list, a YAML list, or none) and {@code proxy_command}. */
final class JumpField {
    private JumpField() {
    }

    /** The hops as written, each checked; an empty list (or {@code none}) means "direct". */
    static List<String> hops(Located<Object> at, Path file) throws InventoryException {
        List<String> hops = new ArrayList<>();
        Object value = at.value();
        List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new InventoryException(file, at.line(), at.column(), HostRoute.JUMP, "expected a hop "
                        + "([user@]host[:port]) or a list of hops, got " + FieldRules.show(String.valueOf(item)));
            }
            try {
                JumpHop.parseList(text).forEach(hop -> hops.add(hop.toString()));
            } catch (IllegalArgumentException e) {
                throw new InventoryException(file, at.line(), at.column(), HostRoute.JUMP, e.getMessage());
            }
        }
        return hops;
    }

    static String proxyCommand(Located<String> at, Path file) throws InventoryException {
        String command = at.value();
        if (command == null || command.isBlank()) {
            throw new InventoryException(file, at.line(), at.column(), HostRoute.PROXY_COMMAND,
                    "empty proxy_command; give the command (e.g. 'ssh -W %h:%p bastion') or leave the field out");
        }
        if (command.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InventoryException(file, at.line(), at.column(), HostRoute.PROXY_COMMAND,
                    "proxy_command must be one line without control characters");
        }
        return command.strip();
    }
}
