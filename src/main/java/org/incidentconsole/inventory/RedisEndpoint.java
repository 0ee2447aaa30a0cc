package org.incidentconsole.inventory;

/**
 * The Redis a host uses, addressed as the SSH host sees it (usually its own loopback).
 * {@code passwordEnv} names the environment variable holding the password; null when none.
 */
public record RedisEndpoint(String host, int port, int db, String passwordEnv) {
}
