package org.incidentconsole.inventory;

import java.util.List;
import java.util.Set;

/**
 * How a host is reached beyond its address, as the inventory says it. {@code jump} holds the hops in order
 * ({@code bastion}, {@code user@bastion:2222}); null means "not said here" (ssh_config's ProxyJump may apply) and
 * an empty list means "direct, whatever ssh_config says". {@code given} names the SSH fields the inventory set
 * itself ({@link #FIELDS}); the others may come from the operator's ssh_config when {@code sshConfig} is on.
 */
public record HostRoute(List<String> jump, String proxyCommand, boolean sshConfig, Set<String> given) {
    public static final String USER = "user";
    public static final String PORT = "port";
    public static final String IDENTITY_FILES = "identity_files";
    public static final String AGENT = "agent";
    public static final String JUMP = "jump";
    public static final String PROXY_COMMAND = "proxy_command";
    public static final List<String> FIELDS = List.of(USER, PORT, IDENTITY_FILES, AGENT, JUMP, PROXY_COMMAND);

    public HostRoute {
        jump = jump == null ? null : List.copyOf(jump);
        given = Set.copyOf(given);
    }

    /** Everything as the inventory (or a test) gave it: no jump, no proxy command, ssh_config only fills gaps. */
    public static HostRoute direct(boolean identityFilesGiven) {
        return new HostRoute(null, null, true, identityFilesGiven ? Set.of(USER, PORT, IDENTITY_FILES, AGENT)
                : Set.of(USER, PORT, AGENT));
    }

    public boolean gives(String field) {
        return given.contains(field);
    }
}
