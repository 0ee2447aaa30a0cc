package org.incidentconsole.runbook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fence's info string: its language and attributes such as {@code sh { name=rollback danger="wipes" }}. */
record FenceInfo(String language, Map<String, String> attributes) {
    private static final Set<String> SHELLS = Set.of("bash", "sh", "shell", "zsh", "ksh", "dash", "console",
            "shell-session", "shellsession", "terminal");
    private static final Pattern ATTRIBUTES = Pattern.compile("\\{([^}]*)}");
    private static final Pattern PAIR = Pattern.compile("([\\w.-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s}]+)");

    static FenceInfo parse(String info) {
        String text = info == null ? "" : info.strip();
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher braces = ATTRIBUTES.matcher(text);
        if (braces.find()) {
            Matcher pair = PAIR.matcher(braces.group(1));
            while (pair.find()) {
                String value = pair.group(2);
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                attributes.put(pair.group(1).toLowerCase(Locale.ROOT), value);
            }
            text = (text.substring(0, braces.start()) + text.substring(braces.end())).strip();
        }
        String language = text.isEmpty() ? "" : text.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (language.startsWith(".")) {
            language = language.substring(1);
        }
        return new FenceInfo(language, attributes);
    }

    boolean shell() {
        return SHELLS.contains(language);
    }

    boolean console() {
        return language.equals("console") || language.startsWith("shell-session") || language.equals("shellsession")
                || language.equals("terminal");
    }

    String name() {
        return attributes.get("name");
    }
}
