package org.incidentconsole.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an incident is bound to: its environment (drill, staging, production…) and the inventory it was worked on,
 * by name and a fingerprint of its sorted host names. An incident is resumed only where both match.
 */
public record IncidentBinding(String environment, String inventory, String fingerprint) {

    public IncidentBinding {
        Objects.requireNonNull(environment, "environment");
    }

    public static IncidentBinding of(String environment, String inventory, List<String> hostNames) {
        return new IncidentBinding(environment, inventory, fingerprint(hostNames));
    }

    /** "sha256:" and the first 16 hex digits of the SHA-256 of the sorted, newline-joined host names. */
    public static String fingerprint(List<String> hostNames) {
        String joined = String.join("\n", hostNames.stream().sorted().toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Why the incident cannot be worked on here, or null when it can. A journal from before incidents were bound to
     * an inventory matches on the environment alone.
     */
    public String mismatch(IncidentEvent.Started started) {
        if (started == null) {
            return "no start record";
        }
        if (!environment.equalsIgnoreCase(String.valueOf(started.environment()))) {
            return "started on " + label(started.environment()) + ", this console is on " + label(environment);
        }
        if (started.inventoryFingerprint() != null && fingerprint != null
                && !started.inventoryFingerprint().equals(fingerprint)) {
            return "started on inventory " + started.inventory() + " with other hosts (" + started.inventoryFingerprint()
                    + "), this console has " + inventory + " (" + fingerprint + ")";
        }
        return null;
    }

    private static String label(String environment) {
        return environment == null ? "an unknown environment" : environment.toUpperCase(Locale.ROOT);
    }
}
