package org.incidentconsole.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The runbooks shipped with the console, offered in the stepper's chooser. */
final class ShippedRunbooks {
    /** Set by the packaged app's launcher to the runbooks folder inside the installation. */
    static final String PROPERTY = "incident-console.runbooks";

    private ShippedRunbooks() {
    }

    /**
     * The markdown files of the folder named by the system property {@value #PROPERTY} (the installed app's
     * launcher sets it), else of runbooks/ where the console was started; sorted, none when the folder is missing.
     */
    static List<Path> list() {
        Path dir = Path.of(System.getProperty(PROPERTY, "runbooks"));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
