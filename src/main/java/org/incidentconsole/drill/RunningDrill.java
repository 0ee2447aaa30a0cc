package org.incidentconsole.drill;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A drill another console of this user runs now (#22: a second window joins it to rehearse sharing): its folder,
 * inventory, pinned host key and client key. Only folders of this user whose owner process is alive and whose
 * inventory is written count; the newest wins.
 */
public record RunningDrill(Path root, Path inventory, Path knownHosts, Instant started) {

    /** The newest running drill in the temp directory, if any. */
    public static Optional<RunningDrill> find() {
        return find(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Optional<RunningDrill> find(Path tmp) {
        List<RunningDrill> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, StaleDrills.PREFIX + "*")) {
            for (Path dir : dirs) {
                running(dir).ifPresent(found::add);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().max(Comparator.comparing(RunningDrill::started));
    }

    private static Optional<RunningDrill> running(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return Optional.empty();
            }
            Optional<DrillPidFile> record = DrillPidFile.read(dir);
            Path inventory = dir.resolve("inventory.yaml");
            Path knownHosts = dir.resolve("known_hosts");
            if (record.isEmpty() || !StaleDrills.alive(record.get().ownerPid(), record.get().ownerStart())
                    || !Files.isRegularFile(inventory) || !Files.isRegularFile(knownHosts)) {
                return Optional.empty();
            }
            return Optional.of(new RunningDrill(dir, inventory, knownHosts,
                    Files.getLastModifiedTime(inventory).toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
