package org.incidentconsole.app;

import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.incidentconsole.incident.PrivateFiles;

/**
 * The log file appender, creating each log file (the first one and the fresh one after a roll) owner-only
 * before logback opens it; logback itself would create it with the default umask. The compressed logs of earlier
 * rolls (written by logback in the background, also with the default umask) are narrowed at each open.
 * Named in logback.xml.
 */
public final class PrivateRollingFileAppender<E> extends RollingFileAppender<E> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        PrivateFiles.createDirectories(file.getParent());
        if (Files.exists(file)) {
            PrivateFiles.restrict(file);
        } else {
            try {
                PrivateFiles.createChannel(file).close();
            } catch (FileAlreadyExistsException raced) {
                PrivateFiles.restrict(file);
            }
        }
        restrictEarlierLogs(file.getParent());
        super.openFile(fileName);
    }

    private static void restrictEarlierLogs(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    PrivateFiles.restrict(p);
                }
            }
        }
    }
}
