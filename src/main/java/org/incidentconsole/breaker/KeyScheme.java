package org.incidentconsole.breaker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.inventory.BreakerSettings;

/** One naming scheme of breaker keys: the SCAN pattern of its state keys and its companion keys. */
final class KeyScheme {
    private final BreakerSettings.KeyScheme scheme;
    private final Pattern stateKey;

    KeyScheme(BreakerSettings.KeyScheme scheme) {
        this.scheme = scheme;
        String[] parts = scheme.state().split("\\{service}", -1);
        this.stateKey = Pattern.compile(Pattern.quote(parts[0]) + "(.+?)" + Pattern.quote(parts[1]));
    }

    /** SCAN MATCH pattern; glob characters of the fixed parts are escaped. */
    String scanPattern() {
        return glob(scheme.state().replace("{service}", "\u0000")).replace("\u0000", "*");
    }

    String serviceOf(String key) {
        Matcher m = stateKey.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    String state(String service) {
        return fill(scheme.state(), service);
    }

    String failures(String service) {
        return fill(scheme.failures(), service);
    }

    String openedAt(String service) {
        return fill(scheme.openedAt(), service);
    }

    String lastFailure(String service) {
        return fill(scheme.lastFailure(), service);
    }

    private static String fill(String template, String service) {
        return template == null ? null : template.replace("{service}", service);
    }

    private static String glob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
