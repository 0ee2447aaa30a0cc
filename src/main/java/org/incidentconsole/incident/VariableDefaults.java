package org.incidentconsole.incident;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.CommandRenderer;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.ValueRejectedException;
import org.incidentconsole.runbook.ValueType;
import org.incidentconsole.runbook.Variable;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.StreamKind;

/**
 * First values for a runbook's variables, in declaration order: {@code app_dir} from the inventory's host,
 * else the first choice of the variable's suggestion (earlier values filled in as quoted words), else its
 * default. Every value is checked against the variable's type first: an invalid one is left out with the reason,
 * and a suggestion that would need it does not run.
 */
public final class VariableDefaults {
    /** The values found, and for each variable left empty, why (one sentence). */
    public record Prefilled(Map<String, String> values, Map<String, String> reasons) {
    }

    private VariableDefaults() {
    }

    /** @param suggest runs a suggestion command and returns its first choice, or null (blocking) */
    public static Map<String, String> prefill(Runbook runbook, Host host, Function<String, String> suggest) {
        return prefillWithReasons(runbook, host, suggest).values();
    }

    /** @param suggest runs a suggestion command and returns its first choice, or null (blocking) */
    public static Prefilled prefillWithReasons(Runbook runbook, Host host, Function<String, String> suggest) {
        return prefillWithReasons(runbook, host, suggest, Map.of());
    }

    /** As above, but {@code known} values (journaled on resume) are kept as they are: nothing is suggested for them. */
    public static Prefilled prefillWithReasons(Runbook runbook, Host host, Function<String, String> suggest,
                                               Map<String, String> known) {
        Map<String, String> values = new LinkedHashMap<>(known);
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, ValueType> types = new HashMap<>();
        runbook.variables().forEach(v -> types.putIfAbsent(v.name(), v.type()));
        for (Variable v : runbook.variables()) {
            if (known.containsKey(v.name())) {
                continue;
            }
            String value = null;
            String source = "its default";
            if (v.name().equals("app_dir") && host != null && host.appDir() != null) {
                value = host.appDir();
                source = "the inventory's app_dir of " + host.name();
            } else if (v.suggest() != null) {
                String command;
                try {
                    command = CommandRenderer.renderCommand(v.suggest(), values, types);
                } catch (ValueRejectedException e) {
                    reasons.put(v.name(), "its suggestion was not run: " + e.getMessage() + ".");
                    continue;
                }
                value = suggest.apply(command);
                source = "its suggestion";
                if (value == null) {
                    reasons.put(v.name(), "its suggestion gave nothing.");
                }
            }
            if (value == null) {
                value = v.defaultValue();
                source = "its default";
            }
            if (value == null || value.isBlank()) {
                continue;
            }
            String problem = v.type().problem(value);
            if (problem != null) {
                reasons.put(v.name(), "the value from " + source + " " + problem + ".");
                continue;
            }
            reasons.remove(v.name());
            values.put(v.name(), value);
        }
        return new Prefilled(values, reasons);
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
