package org.incidentconsole.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.incidentconsole.inventory.FieldRules.Role;

/**
 * One hop of a jump path as OpenSSH's ProxyJump writes it: {@code [user@]host[:port]}, where host may be an
 * ssh_config alias or {@code [v6-address]}. {@code user} and {@code port} are null when not written.
 */
public record JumpHop(String user, String host, Integer port) {

    /** Parses one hop, or says in one sentence what is wrong with it. */
    public static JumpHop parse(String text) throws IllegalArgumentException {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("ssh://")) {
            s = s.substring("ssh://".length());
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        Integer port = null;
        int close = s.startsWith("[") ? s.indexOf(']') : -1;
        int colon = close >= 0 ? (s.startsWith(":", close + 1) ? close + 1 : -1)
                : (s.indexOf(':') == s.lastIndexOf(':') ? s.indexOf(':') : -1);
        if (colon > 0) {
            port = port(s.substring(colon + 1), text);
            s = s.substring(0, colon);
        }
        String host = s.replace("[", "").replace("]", "");
        Optional<String> problem = host.isEmpty() ? Optional.of("has no host") : FieldRules.problem(Role.ADDRESS, host);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("jump hop '" + text + "': host " + problem.get());
        }
        if (user != null) {
            Optional<String> bad = user.isEmpty() ? Optional.of("is empty") : FieldRules.problem(Role.USER, user);
            if (bad.isPresent()) {
                throw new IllegalArgumentException("jump hop '" + text + "': user " + bad.get());
            }
        }
        return new JumpHop(user, host, port);
    }

    /** A ProxyJump value: hops separated by commas; {@code none} is no hop. */
    public static List<JumpHop> parseList(String text) throws IllegalArgumentException {
        List<JumpHop> hops = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return hops;
        }
        for (String hop : text.split(",")) {
            hops.add(parse(hop));
        }
        return hops;
    }

    private static Integer port(String digits, String text) {
        try {
            int p = Integer.parseInt(digits);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("jump hop '" + text + "': port must be 1-65535, got '" + digits + "'");
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (user == null ? "" : user + "@") + h + (port == null ? "" : ":" + port);
    }
}
