package org.incidentconsole.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system (a tmpfs of a few hundred KB) for disk-full tests: mounted with {@code mount}, which
 * needs root (CI runs as root). Without permission the test fails with a clear message, unless
 * {@code -Dtmpfs.optional=true} is given: then it is skipped and says why.
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path dir;
    private Path filler;

    private SmallTmpfs(Path dir) {
        this.dir = dir;
    }

    public static SmallTmpfs mount(int kib) throws Exception {
        Path dir = Files.createTempDirectory("ic-small-disk-");
        String problem = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs", dir.toString());
        if (problem != null) {
            Files.deleteIfExists(dir);
            String message = "cannot mount a " + kib + " KB tmpfs at " + dir + " (" + problem + "): the disk-full "
                    + "tests need root; run them as root, or pass -Dtmpfs.optional=true to skip them";
            Assumptions.assumeFalse(Boolean.getBoolean("tmpfs.optional"), message);
            fail(message);
        }
        return new SmallTmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Fills every free byte with a filler file; {@link #free()} gives the space back. */
    public void fill() throws IOException {
        filler = dir.resolve("filler.bin");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // no space left: the point
        }
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(1);
                out.flush();
            }
        } catch (IOException full) {
            // the last page too
        }
    }

    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    public long usable() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    @Override
    public void close() throws Exception {
        String problem = run("umount", dir.toString());
        if (problem != null) {
            problem = run("umount", "-l", dir.toString());
        }
        if (problem == null) {
            Files.deleteIfExists(dir);
        }
    }

    /** Null when the command succeeded, else what it said. */
    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return command[0] + " could not be started: " + e.getMessage();
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return command[0] + " did not finish in 30 s";
        }
        return p.exitValue() == 0 ? null : command[0] + " exited " + p.exitValue() + ": " + said;
    }
}
