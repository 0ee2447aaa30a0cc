package org.incidentconsole.ssh;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sudo passwords the operator gave, one per host and user, in memory only (char arrays, never a String, never
 * logged or journaled). A host's passwords are forgotten when its connection drops or is closed, and all of
 * them by {@link #clear()} at exit.
 */
public final class SudoPasswords {
    private final SudoPasswordPrompt prompt;
    private final Map<String, char[]> known = new ConcurrentHashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> needed = new ConcurrentHashMap<>();

    public SudoPasswords(SudoPasswordPrompt prompt) {
        this.prompt = prompt;
    }

    /** A responder for one command on {@code host} logged in as {@code user}. */
    public SudoResponder responder(String host, String user) {
        return new SudoResponder(this, host, user);
    }

    /** Forgets the host's passwords when its connection is lost, closed or failed. Idempotent per host. */
    public void watch(SshConnection connection) {
        String host = connection.host().name();
        if (watched.add(host)) {
            connection.addListener(status -> {
                if (status.state() != ConnectionState.CONNECTED && status.state() != ConnectionState.CONNECTING) {
                    forget(host);
                }
            });
        }
    }

    /** The password held for host and user (a copy), else the operator's answer; null when they cancel. */
    synchronized char[] password(String host, String user, String problem) {
        char[] held = known.get(key(host, user));
        if (held != null && problem == null) {
            return held.clone();
        }
        char[] asked = prompt.password(host, user, problem);
        if (asked == null) {
            return null;
        }
        put(host, user, asked.clone());
        return asked;
    }

    /** sudo refused what was held: it is dropped so the next ask goes to the operator. */
    void refused(String host, String user) {
        wipe(known.remove(key(host, user)));
    }

    /** Whether sudo asks this user on this host for a password (a probe's answer), or null before a probe. */
    Boolean needed(String host, String user) {
        return needed.get(key(host, user));
    }

    void needed(String host, String user, boolean answer) {
        needed.put(key(host, user), answer);
    }

    /** The held password itself (not a copy), for masking output; null when none. */
    char[] held(String host, String user) {
        return known.get(key(host, user));
    }

    public void forget(String host) {
        needed.keySet().removeIf(k -> k.startsWith(host + "\u0000"));
        known.keySet().removeIf(k -> {
            if (k.startsWith(host + "\u0000")) {
                wipe(known.get(k));
                return true;
            }
            return false;
        });
    }

    public void clear() {
        known.values().forEach(SudoPasswords::wipe);
        known.clear();
    }

    private void put(String host, String user, char[] password) {
        wipe(known.put(key(host, user), password));
    }

    private static String key(String host, String user) {
        return host + "\u0000" + user;
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
