package org.incidentconsole.inventory;

/**
 * The Redis a host uses, addressed as the SSH host sees it (usually its own loopback).
 * {@code passwordEnv} names the environment variable holding the password; null when none.
 * {@code shared}: every host naming this address reaches the same Redis (default: not for loopback).
 */
public record RedisEndpoint(String host, int port, int db, String passwordEnv, boolean shared) {
    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
