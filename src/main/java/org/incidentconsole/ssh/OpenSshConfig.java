package org.incidentconsole.ssh;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ssh_config as OpenSSH itself resolves it: {@code ssh -G -F file alias} prints every effective setting; the
 * same with {@code -F /dev/null} prints ssh's defaults, and what differs is what the file set. ssh -G connects to
 * nothing (only a {@code Match exec} in the file runs its command, as ssh would).
 */
final class OpenSshConfig implements SshConfig {
    private static final long LIMIT_SECONDS = 10;
    private static final List<Path> SEARCHED = List.of(Path.of("/usr/bin/ssh"), Path.of("/usr/local/bin/ssh"),
            Path.of("/bin/ssh"));

    private final Path ssh;
    private final Path file;

    OpenSshConfig(Path ssh, Path file) {
        this.ssh = ssh;
        this.file = file;
    }

    static Path sshBinary() {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "ssh"));
                }
            }
        }
        candidates.addAll(SEARCHED);
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    @Override
    public Map<String, List<String>> settings(String alias) throws SshException {
        if (alias.startsWith("-")) {
            throw new SshException("'" + alias + "' is not a host name or ssh_config alias", null, true);
        }
        Map<String, List<String>> effective = dump(file.toString(), alias);
        Map<String, List<String>> defaults = dump("/dev/null", alias);
        Map<String, List<String>> set = new LinkedHashMap<>();
        effective.forEach((key, values) -> {
            if (!values.equals(defaults.get(key))) {
                set.put(key, values);
            }
        });
        return set;
    }

    private Map<String, List<String>> dump(String config, String alias) throws SshException {
        List<String> command = List.of(ssh.toString(), "-G", "-F", config, "--", alias);
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File(
                    "/dev/null"))).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SshException("ssh -G did not answer within " + LIMIT_SECONDS + " s reading " + file,
                        null, true);
            }
            if (p.exitValue() != 0) {
                String why = new String(err.join(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("Pseudo-terminal")).reduce((a, b) -> b).orElse("exit " + p.exitValue());
                throw new SshException("ssh_config " + file + " could not be read for '" + alias + "': " + why.strip(),
                        null, true);
            }
            return parse(out);
        } catch (IOException e) {
            throw new SshException("could not run " + ssh + " -G to read " + file + ": " + e.getMessage(), e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("interrupted while reading " + file, e, true);
        }
    }

    /** "key value" lines; a key printed on several lines (identityfile) keeps every value, in order. */
    static Map<String, List<String>> parse(String dump) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (String line : dump.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                settings.computeIfAbsent(line.substring(0, space).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(line.substring(space + 1).strip());
            }
        }
        return settings;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public String describe() {
        return file + " (read by " + ssh + " -G)";
    }
}
