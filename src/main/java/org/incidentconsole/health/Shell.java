package org.incidentconsole.health;

import java.util.regex.Pattern;

/** Quoting of inventory values put into commands that run on hosts. */
final class Shell {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./*?{},@+-]+");

    private Shell() {
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A path or glob left unquoted so the host's shell expands it; refused if it holds anything else. */
    static String glob(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path '" + path + "' may only hold letters, digits and . / _ - * ?");
        }
        return path;
    }
}
