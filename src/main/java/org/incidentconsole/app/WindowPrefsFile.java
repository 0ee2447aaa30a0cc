package org.incidentconsole.app;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.incidentconsole.incident.PrivateFiles;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.common.WindowPrefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's remembered layout in the data directory ({@code window.properties}, owner-only). Only sizes,
 * divider fractions and the theme: never a secret. A missing or unreadable file means the first-launch layout;
 * a value that does not read is skipped with a warning naming the file and key.
 */
final class WindowPrefsFile {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPrefsFile.class);
    private static final String CHOICE = "choice.";

    private WindowPrefsFile() {
    }

    static WindowPrefs load(Path file) {
        if (!Files.isRegularFile(file)) {
            return WindowPrefs.none();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} could not be read ({}); the window opens with its first-launch layout", file, e.getMessage());
            return WindowPrefs.none();
        }
        Theme theme = Theme.DARK;
        try {
            theme = Theme.valueOf(p.getProperty("theme", "DARK").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: theme '{}' is neither dark nor light; dark is used", file, p.getProperty("theme"));
        }
        return new WindowPrefs(number(file, p, "width"), number(file, p, "height"),
                Boolean.parseBoolean(p.getProperty("maximized", "false").strip()),
                fractions(file, p, "columns"), fractions(file, p, "panels"), theme, choices(p));
    }

    /** The panes' choices, kept as {@code choice.KEY = value}. */
    private static Map<String, String> choices(Properties p) {
        Map<String, String> out = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(CHOICE)) {
                out.put(key.substring(CHOICE.length()), p.getProperty(key).strip());
            }
        }
        return out;
    }

    static void save(Path file, WindowPrefs prefs) {
        Properties p = new Properties();
        p.setProperty("width", String.valueOf(Math.round(prefs.width())));
        p.setProperty("height", String.valueOf(Math.round(prefs.height())));
        p.setProperty("maximized", String.valueOf(prefs.maximized()));
        p.setProperty("columns", join(prefs.columns()));
        p.setProperty("panels", join(prefs.panels()));
        p.setProperty("theme", prefs.theme().name().toLowerCase(Locale.ROOT));
        prefs.choices().forEach((key, value) -> p.setProperty(CHOICE + key, value));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Incident Console: the main window as last left (sizes, dividers, theme)");
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.writeString(file, text.toString());
        } catch (IOException e) {
            LOG.warn("The window layout was not saved to {}: {}", file, e.getMessage());
        }
    }

    private static double number(Path file, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) && d > 0 ? d : 0;
        } catch (NumberFormatException e) {
            LOG.warn("{}: {} = '{}' is not a number; ignored", file, key, v);
            return 0;
        }
    }

    /** Fractions strictly between 0 and 1, in order; anything else drops the whole list (the default is used). */
    private static List<Double> fractions(Path file, Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        List<Double> out = new ArrayList<>();
        for (String part : v.isEmpty() ? new String[0] : v.split(",")) {
            try {
                double d = Double.parseDouble(part.strip());
                if (!(d > 0 && d < 1) || (!out.isEmpty() && d <= out.get(out.size() - 1))) {
                    throw new NumberFormatException(part);
                }
                out.add(d);
            } catch (NumberFormatException e) {
                LOG.warn("{}: {} = '{}' are not increasing fractions between 0 and 1; ignored", file, key, v);
                return List.of();
            }
        }
        return out;
    }

    private static String join(List<Double> values) {
        return String.join(",", values.stream().map(d -> String.format(Locale.ROOT, "%.4f", d)).toList());
    }
}
