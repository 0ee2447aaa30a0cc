package org.incidentconsole.drill;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The drill host's file system as its shell presents it: absolute paths in a command are rewritten from the
 * host's paths (the {@code mappings}, e.g. {@code /var/www} → the sandbox's {@code var/www}) onto the drill's
 * folder before the command runs; paths already inside the drill's folder and a few read-only device files pass;
 * any other absolute path refuses the whole command, so nothing outside the drill's folder is touched by accident.
 * Comments are left as written. A guard against accidents, not a security boundary: relative paths with
 * {@code ..} and paths assembled at run time are not followed.
 */
final class DrillPaths {
    /** Paths a command may name as they are: read-only, or nowhere. */
    static final List<String> PASS_THROUGH = List.of("/dev/null", "/dev/stdin", "/dev/stdout", "/dev/stderr",
            "/proc/meminfo", "/proc/loadavg", "/proc/uptime");
    private static final String WORD_START = " \t\r\n'\"=(<>|;&`";
    private static final String WORD_END = " \t\r\n'\"|;&<>()`$";

    private final Path root;
    private final List<Map.Entry<String, Path>> mappings;

    /**
     * @param root     the drill's folder: paths inside it pass unchanged
     * @param mappings host path → real path inside {@code root}
     */
    DrillPaths(Path root, Map<String, Path> mappings) {
        this.root = root.toAbsolutePath().normalize();
        this.mappings = mappings.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Path> e) -> e.getKey().length()).reversed())
                .toList();
    }

    /** The command with every host path put onto the drill's folder; refused when it names a path outside. */
    String rewrite(String command) throws DrillRefusedException {
        StringBuilder out = new StringBuilder(command.length() + 64);
        boolean single = false;
        boolean dbl = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            char prev = i == 0 ? '\n' : command.charAt(i - 1);
            if (!single && c == '\\' && i + 1 < command.length()) {
                out.append(c).append(command.charAt(i + 1));
                i += 2;
            } else if (!single && !dbl && c == '#' && (i == 0 || " \t\r\n;&|(".indexOf(prev) >= 0)) {
                int end = command.indexOf('\n', i);
                end = end < 0 ? command.length() : end;
                out.append(command, i, end);
                i = end;
            } else if (c == '/' && (i == 0 || WORD_START.indexOf(prev) >= 0)) {
                int end = i + 1;
                while (end < command.length() && WORD_END.indexOf(command.charAt(end)) < 0) {
                    end++;
                }
                String path = command.substring(i, end);
                char next = end < command.length() ? command.charAt(end) : '\n';
                out.append(path.equals("/") && (next == '\'' || next == '"') ? path : mapped(path));
                i = end;
            } else {
                if (c == '\'' && !dbl) {
                    single = !single;
                } else if (c == '"' && !single) {
                    dbl = !dbl;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String mapped(String path) throws DrillRefusedException {
        if (PASS_THROUGH.contains(path)) {
            return path;
        }
        String real = null;
        String rootText = root.toString();
        if (path.equals(rootText) || path.startsWith(rootText + "/")) {
            real = path;
        } else {
            for (Map.Entry<String, Path> m : mappings) {
                if (path.equals(m.getKey()) || path.startsWith(m.getKey() + "/")) {
                    real = m.getValue() + path.substring(m.getKey().length());
                    break;
                }
            }
        }
        if (real == null || !Path.of(real).normalize().startsWith(root)) {
            throw new DrillRefusedException("drill: path not simulated: " + path + " (the drill host has "
                    + String.join(", ", mappings.stream().map(Map.Entry::getKey).toList())
                    + "; nothing outside the drill's folder is touched)");
        }
        return real;
    }
}
