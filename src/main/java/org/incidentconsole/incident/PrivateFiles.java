package org.incidentconsole.incident;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Files that hold what the operator saw (journals, reports, logs) are readable by their owner only: folders
 * 0700, files 0600, set at creation so there is no moment when they are open to others.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the folder (and missing parents) owner-only; an existing folder is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return POSIX ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR))
                : Files.createDirectories(dir);
    }

    /** A new file, owner-only, open for writing; fails if it exists. */
    public static FileChannel createChannel(Path file, OpenOption... extra) throws IOException {
        Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        options.addAll(Set.of(extra));
        return POSIX ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE))
                : FileChannel.open(file, options);
    }

    /** A writer that replaces the file's content; a new file is created owner-only, an existing one made so. */
    public static Writer newWriter(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            restrict(file);
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        return new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(
                Files.newByteChannel(file, options, attrs)), StandardCharsets.UTF_8), 64 * 1024);
    }

    public static void writeString(Path file, String text) throws IOException {
        try (Writer w = newWriter(file)) {
            w.write(text);
        }
    }

    /**
     * Makes an existing file or folder owner-only.
     *
     * @return true if its permissions were wider and have been narrowed
     */
    public static boolean restrict(Path path) throws IOException {
        if (!POSIX || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIR : FILE;
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (wanted.containsAll(now)) {
            return false;
        }
        Set<PosixFilePermission> narrowed = new HashSet<>(now);
        narrowed.retainAll(wanted);
        Files.setPosixFilePermissions(path, narrowed);
        return true;
    }
}
