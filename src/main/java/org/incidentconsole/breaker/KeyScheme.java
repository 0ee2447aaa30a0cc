package org.incidentconsole.breaker;

import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.inventory.BreakerSettings;

/** One naming scheme of breaker keys: the SCAN pattern of its state keys and its companion keys. */
final class KeyScheme {
    private final BreakerSettings.KeyScheme scheme;
    private final Template state;
    private final Template failures;
    private final Template openedAt;
    private final Template lastFailure;
    private final Template[] byKind;

    /** Kinds of key, in the order a breaker's keys are read. */
    static final int STATE = 0;
    static final int FAILURES = 1;
    static final int OPENED_AT = 2;
    static final int LAST_FAILURE = 3;
    static final int KINDS = 4;

    KeyScheme(BreakerSettings.KeyScheme scheme) {
        this.scheme = scheme;
        this.state = Template.of(scheme.state());
        this.failures = Template.of(scheme.failures());
        this.openedAt = Template.of(scheme.openedAt());
        this.lastFailure = Template.of(scheme.lastFailure());
        this.byKind = new Template[] {state, failures, openedAt, lastFailure};
    }

    /** A key template split around {service}; plain string work, as it runs for every key of every poll. */
    private record Template(String prefix, String suffix) {
        static Template of(String template) {
            if (template == null) {
                return null;
            }
            int at = template.indexOf("{service}");
            return new Template(template.substring(0, at), template.substring(at + "{service}".length()));
        }

        String fill(String service) {
            return prefix + service + suffix;
        }

        String serviceOf(String key) {
            return key.length() > prefix.length() + suffix.length() && key.startsWith(prefix) && key.endsWith(suffix)
                    ? key.substring(prefix.length(), key.length() - suffix.length()) : null;
        }
    }

    /**
     * SCAN MATCH patterns that find the state keys and every companion key that exists: one pattern when the
     * templates share their text before {service} (the usual case), else one per template.
     */
    List<String> scanPatterns() {
        List<String> templates = new ArrayList<>();
        for (String t : new String[] {scheme.state(), scheme.failures(), scheme.openedAt(), scheme.lastFailure()}) {
            if (t != null) {
                templates.add(t);
            }
        }
        String prefix = templates.get(0).substring(0, templates.get(0).indexOf("{service}"));
        boolean shared = !prefix.isEmpty() && templates.stream().allMatch(t -> t.indexOf("{service}") == prefix.length()
                && t.startsWith(prefix));
        if (shared) {
            return List.of(glob(prefix) + "*");
        }
        return templates.stream().map(t -> glob(t.replace("{service}", "\u0000")).replace("\u0000", "*")).toList();
    }

    String serviceOf(String key) {
        return state.serviceOf(key);
    }

    /** The service whose key of this kind is {@code key}, or null. */
    String serviceOf(int kind, String key) {
        Template t = byKind[kind];
        return t == null ? null : t.serviceOf(key);
    }

    String state(String service) {
        return state.fill(service);
    }

    String failures(String service) {
        return failures == null ? null : failures.fill(service);
    }

    String openedAt(String service) {
        return openedAt == null ? null : openedAt.fill(service);
    }

    String lastFailure(String service) {
        return lastFailure == null ? null : lastFailure.fill(service);
    }

    private static String glob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
