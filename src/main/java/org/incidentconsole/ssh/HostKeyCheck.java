package org.incidentconsole.ssh;

import java.util.List;

/** The verdict on a presented host key. {@code knownFingerprints} is filled when the key changed. */
public record HostKeyCheck(Verdict verdict, List<String> knownFingerprints) {
    public enum Verdict { MATCHED, UNKNOWN, CHANGED }

    static HostKeyCheck matched() {
        return new HostKeyCheck(Verdict.MATCHED, List.of());
    }

    static HostKeyCheck unknown() {
        return new HostKeyCheck(Verdict.UNKNOWN, List.of());
    }

    static HostKeyCheck changed(List<String> known) {
        return new HostKeyCheck(Verdict.CHANGED, List.copyOf(known));
    }
}
