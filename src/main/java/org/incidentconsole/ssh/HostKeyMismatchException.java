package org.incidentconsole.ssh;

import java.nio.file.Path;
import java.util.List;

/** The host presented a key other than the one on record: possibly an attack; never overridden here. */
public class HostKeyMismatchException extends SshException {
    private final List<String> knownFingerprints;
    private final String presentedFingerprint;

    public HostKeyMismatchException(String host, List<String> knownFingerprints, String presentedFingerprint,
                                    List<Path> files) {
        super("HOST KEY CHANGED for " + host + ": known " + String.join(", ", knownFingerprints)
                + ", presented " + presentedFingerprint + ". Refusing to connect. If the host was really"
                + " rebuilt, verify the new key out of band and remove the old entry from "
                + files.stream().map(Path::toString).reduce((a, b) -> a + " or " + b).orElse("known_hosts")
                + ".", null, true);
        this.knownFingerprints = List.copyOf(knownFingerprints);
        this.presentedFingerprint = presentedFingerprint;
    }

    public List<String> knownFingerprints() {
        return knownFingerprints;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
