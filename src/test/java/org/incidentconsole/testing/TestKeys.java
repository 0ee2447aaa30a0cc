package org.incidentconsole.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Key files made by the real ssh-keygen, in the formats operators have. */
public final class TestKeys {
    private TestKeys() {
    }

    /** @param format "OPENSSH" (the default of ssh-keygen) or "PEM" */
    public static Path generate(Path dir, String name, String type, String passphrase, String format)
            throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(tool("ssh-keygen", "openssh-client"), "-q", "-t", type,
                "-N", passphrase, "-C", name + "@test", "-f", key.toString()));
        if (format.equals("PEM")) {
            cmd.addAll(List.of("-m", "PEM"));
        }
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "2048"));
        }
        run(cmd);
        return key;
    }

    public static Path generate(Path dir, String name) throws IOException, InterruptedException {
        return generate(dir, name, "ed25519", "", "OPENSSH");
    }

    public static Path publicKey(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** Finds a tool on the usual paths or fails saying which Debian package to install. */
    public static String tool(String name, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(name + " not found: install it with 'apt-get install " + debianPackage + "'");
    }

    public static String run(List<String> cmd) throws IOException, InterruptedException {
        // no stdin: a tool that wants to ask something (ssh-keygen: "Overwrite?") fails instead of hanging
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
