package org.incidentconsole.incident;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Variable;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.StreamKind;

/**
 * First values for a runbook's variables, in declaration order: {@code app_dir} from the inventory's host,
 * else the first choice of the variable's suggestion (earlier values filled in), else its default.
 */
public final class VariableDefaults {
    private VariableDefaults() {
    }

    /** @param suggest runs a suggestion command and returns its first choice, or null (blocking) */
    public static Map<String, String> prefill(Runbook runbook, Host host, Function<String, String> suggest) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable v : runbook.variables()) {
            String value = null;
            if (v.name().equals("app_dir") && host != null && host.appDir() != null) {
                value = host.appDir();
            } else if (v.suggest() != null) {
                String command = v.suggest();
                for (var e : values.entrySet()) {
                    command = command.replace("{{" + e.getKey() + "}}", e.getValue());
                }
                value = suggest.apply(command);
            }
            if (value == null) {
                value = v.defaultValue();
            }
            if (value != null && !value.isBlank()) {
                values.put(v.name(), value);
            }
        }
        return values;
    }

    /** Runs a suggestion on the host: the first word of its first non-blank output line, or null. Blocks. */
    public static String firstChoice(SshConnections ssh, Host host, String command) {
        List<String> lines = new CopyOnWriteArrayList<>();
        ssh.connection(host).run(command, Duration.ofSeconds(30), (h, s, line) -> {
            if (s == StreamKind.STDOUT && !line.isBlank()) {
                lines.add(line);
            }
        }).result().join();
        return lines.isEmpty() ? null : Variable.valueOfChoice(lines.get(0));
    }
}
