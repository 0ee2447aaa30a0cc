package org.incidentconsole.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on a presented host key. {@code knownFingerprints} is filled when the key changed;
 * {@code revokedIn} names the known_hosts file that marks the key {@code @revoked}; {@code problem} says why a
 * certificate from a trusted CA was refused (CERTIFICATE_REFUSED).
 */
public record HostKeyCheck(Verdict verdict, List<String> knownFingerprints, Path revokedIn, String problem) {
    public enum Verdict { MATCHED, UNKNOWN, CHANGED, REVOKED, CERTIFICATE_REFUSED }

    public HostKeyCheck(Verdict verdict, List<String> knownFingerprints, Path revokedIn) {
        this(verdict, knownFingerprints, revokedIn, null);
    }

    static HostKeyCheck matched() {
        return new HostKeyCheck(Verdict.MATCHED, List.of(), null);
    }

    static HostKeyCheck unknown() {
        return new HostKeyCheck(Verdict.UNKNOWN, List.of(), null);
    }

    static HostKeyCheck changed(List<String> known) {
        return new HostKeyCheck(Verdict.CHANGED, List.copyOf(known), null);
    }

    static HostKeyCheck revoked(Path file) {
        return new HostKeyCheck(Verdict.REVOKED, List.of(), file);
    }

    static HostKeyCheck certificateRefused(String problem) {
        return new HostKeyCheck(Verdict.CERTIFICATE_REFUSED, List.of(), null, problem);
    }
}
