package org.incidentconsole.inventory;

/**
 * The inventory's {@code coordination:}: the Redis that consoles share an incident through. {@code via} is the
 * inventory host to tunnel through over SSH, null to connect directly; {@code passwordEnv} is the name of the
 * environment variable holding the password (null: none); every key lives under {@code prefix}; {@code line} is
 * where the block starts.
 */
public record CoordinationSettings(String host, int port, String via, int db, String passwordEnv, boolean tls,
                                   String prefix, int line) {
    public static final int DEFAULT_PORT = 6379;
    public static final String DEFAULT_PREFIX = "incident-console:coord:";
    public static final String DIRECT = "direct";

    public boolean direct() {
        return via == null;
    }
}
