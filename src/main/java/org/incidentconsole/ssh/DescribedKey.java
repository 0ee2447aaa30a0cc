package org.incidentconsole.ssh;

/** An authentication method that can name the key it offered: type and SHA256 fingerprint, never the key. */
interface DescribedKey {
    String describeKey();
}
