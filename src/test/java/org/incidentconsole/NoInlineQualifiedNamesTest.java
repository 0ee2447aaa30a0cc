package org.incidentconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code names types by import, not inline ({@code org.incidentconsole.incident.Severity} in the middle of a method):
 * the only inline names allowed are those whose simple name is already imported from another package (two
 * {@code Duration}s in one file). Comments and strings are not code.
 */
class NoInlineQualifiedNamesTest {
    private static final Pattern INLINE = Pattern.compile(
            "(?<![\\w.])((?:org\\.incidentconsole|javafx|javax|java)(?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void sourcesNameTypesByImport() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    found.addAll(inlineNames(file));
                }
            }
        }
        assertThat(found).as("inline qualified names; import them (tools: any IDE's 'optimize imports')").isEmpty();
    }

    @Test
    void theRuleSeesAnInlineNameInCodeButNotInAStringOrComment() {
        String src = "package a;\nimport javafx.util.Duration;\nclass X {\n"
                + "  // org.incidentconsole.incident.Severity in a comment\n"
                + "  String s = \"org.incidentconsole.incident.Severity\";\n"
                + "  java.time.Duration clash;\n"
                + "  org.incidentconsole.incident.Severity inline;\n}\n";
        assertThat(inlineNames(Path.of("X.java"), src)).containsExactly("X.java:7: org.incidentconsole.incident.Severity");
    }

    private static List<String> inlineNames(Path file) throws IOException {
        return inlineNames(file, Files.readString(file));
    }

    static List<String> inlineNames(Path file, String src) {
        Map<String, String> imported = new HashMap<>();
        Matcher im = IMPORT.matcher(src);
        while (im.find()) {
            String full = im.group(1);
            imported.put(full.substring(full.lastIndexOf('.') + 1), full);
        }
        String code = codeOnly(src);
        List<String> found = new ArrayList<>();
        Matcher m = INLINE.matcher(code);
        while (m.find()) {
            String full = m.group(1) + "." + m.group(2);
            String other = imported.get(m.group(2));
            if (other != null && !other.equals(full)) {
                continue;
            }
            int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            found.add(file + ":" + line + ": " + full);
        }
        return found;
    }

    /** The source with comments, strings, char literals and import/package lines blanked (newlines kept). */
    private static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            int end = i + 1;
            if (src.startsWith("//", i) || (out.length() == 0 || src.charAt(i - 1) == '\n')
                    && (src.startsWith("import ", i) || src.startsWith("package ", i))) {
                end = src.indexOf('\n', i);
                end = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? src.length() : end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char q = src.charAt(i);
                end = i + 1;
                while (end < src.length() && src.charAt(end) != q) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(src.length(), end + 1);
            } else {
                out.append(src.charAt(i));
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(src.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
