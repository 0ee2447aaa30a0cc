package org.incidentconsole.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * ssh_config read with Apache MINA's parser, for machines without OpenSSH's {@code ssh}. MINA reads no
 * {@code Include} and refuses {@code Match}, so the file is prepared first: an Include is replaced by the files it
 * names (globs too; relative paths under ~/.ssh, as ssh does), {@code Match host P} becomes {@code Host P},
 * {@code Match all} becomes {@code Host *}, and any other Match block is skipped. Unlike ssh, {@code Match host}
 * is then compared with the alias, not with the HostName it resolves to. First match wins per keyword.
 */
final class MinaSshConfig implements SshConfig {
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Pattern KEYWORD =
            Pattern.compile("([A-Za-z]+)\\s*(?:=\\s*|\\s+)(.*)");

    private final Path file;

    MinaSshConfig(Path file) {
        this.file = file;
    }

    @Override
    public Map<String, List<String>> settings(String alias) throws SshException {
        List<HostConfigEntry> entries;
        try {
            StringBuilder text = new StringBuilder();
            inline(file, text, 0);
            entries = HostConfigEntry.readHostConfigEntries(new BufferedReader(new StringReader(text.toString())));
        } catch (IOException e) {
            throw new SshException("ssh_config " + file + " could not be read: " + e.getMessage(), e, true);
        }
        Map<String, List<String>> set = new LinkedHashMap<>();
        for (HostConfigEntry entry : HostConfigEntry.findMatchingEntries(alias, entries)) {
            entry.getProperties().forEach((key, value) -> {
                String k = key.toLowerCase(Locale.ROOT);
                if (!k.equals("host") && !set.containsKey(k)) {
                    set.put(k, values(k, value));
                }
            });
        }
        return set;
    }

    /** MINA joins repeated lines with commas; a command or a jump list is one value. */
    private static List<String> values(String key, String value) {
        if (key.equals("proxycommand") || key.equals("proxyjump")) {
            return List.of(value);
        }
        return List.copyOf(new LinkedHashSet<>(List.of(value.split(","))));
    }

    private void inline(Path config, StringBuilder out, int depth) throws IOException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new IOException("Include nested deeper than " + MAX_INCLUDE_DEPTH + " files at " + config);
        }
        boolean skipping = false;
        for (String raw : Files.readAllLines(config)) {
            String line = raw.strip();
            String[] words = line.split("\\s+");
            String keyword = words[0].toLowerCase(Locale.ROOT);
            if (keyword.equals("match")) {
                String criteria = line.substring(words[0].length()).strip();
                String[] c = criteria.split("\\s+", 2);
                skipping = !(c[0].equalsIgnoreCase("all") || c[0].equalsIgnoreCase("host") && c.length == 2);
                if (!skipping) {
                    out.append("Host ").append(c[0].equalsIgnoreCase("all") ? "*" : c[1].replace(',', ' '))
                            .append('\n');
                }
            } else if (keyword.equals("host")) {
                skipping = false;
                out.append(raw).append('\n');
            } else if (keyword.equals("include") && !skipping) {
                for (int i = 1; i < words.length; i++) {
                    for (Path included : expand(words[i])) {
                        inline(included, out, depth + 1);
                    }
                }
            } else if (!skipping) {
                out.append(keyEqualsValue(line)).append('\n');
            }
        }
    }

    /**
     * "Keyword value" as "Keyword=value": MINA splits a spaced value into words and misreads a value holding '='
     * (ProxyCommand tsh ... --cluster=prod), but keeps a value after '=' whole.
     */
    private static String keyEqualsValue(String line) {
        Matcher m = KEYWORD.matcher(line);
        return line.isEmpty() || line.startsWith("#") || !m.matches() ? line : m.group(1) + "=" + m.group(2);
    }

    private List<Path> expand(String pattern) throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        Path p = pattern.startsWith("~/") ? home.resolve(pattern.substring(2)) : Path.of(pattern);
        if (!p.isAbsolute()) {
            p = home.resolve(".ssh").resolve(p);
        }
        Path dir = p.getParent();
        List<Path> found = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, p.getFileName().toString())) {
            matches.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    @Override
    public String describe() {
        return file + " (read by Apache MINA's parser; ssh not installed)";
    }
}
