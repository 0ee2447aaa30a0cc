package org.incidentconsole.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real programs the drill host's shell may run (the table in resource {@code real-tools}), linked into the
 * sandbox's bin folder from the machine's PATH: the drill's shell has only that folder on its PATH.
 */
final class DrillTools {
    private DrillTools() {
    }

    /** The programs of the table, in its order. */
    static List<String> names() throws IOException {
        try (InputStream in = DrillTools.class.getResourceAsStream("real-tools")) {
            if (in == null) {
                throw new IOException("the drill's real-tools table is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** Links every program of the table found on {@code systemPath} into {@code bin}; answers those linked. */
    static List<String> link(Path bin, String systemPath) throws IOException {
        List<String> linked = new ArrayList<>();
        for (String name : names()) {
            Path target = bin.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a simulated command of the same name wins
            }
            for (String dir : systemPath.split(":")) {
                Path real = Path.of(dir.isEmpty() ? "." : dir, name);
                if (!dir.isEmpty() && Files.isExecutable(real) && !Files.isDirectory(real)) {
                    Files.createSymbolicLink(target, real.toAbsolutePath());
                    linked.add(name);
                    break;
                }
            }
        }
        return linked;
    }
}
