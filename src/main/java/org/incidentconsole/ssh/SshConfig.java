package org.incidentconsole.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operator's ssh_config, asked about one alias at a time. {@link #settings} answers only what the file
 * itself sets for the alias (first match wins, as with ssh), keys in lower case as {@code ssh -G} prints them,
 * each with its values in order; what the file leaves out is absent, so the console's own defaults apply.
 */
public interface SshConfig {
    Map<String, List<String>> settings(String alias) throws SshException;

    /** Where the settings come from, for the window and the README ("~/.ssh/config via ssh -G"). */
    String describe();

    SshConfig NONE = new SshConfig() {
        @Override
        public Map<String, List<String>> settings(String alias) {
            return Map.of();
        }

        @Override
        public String describe() {
            return "no ssh_config";
        }
    };

    /**
     * Reads {@code file} with OpenSSH's own {@code ssh -G} when {@code ssh} is installed (Include, Match and every
     * keyword exactly as ssh reads them); otherwise with Apache MINA's parser (Include expanded, {@code Match host}
     * and {@code Match all} only). A missing file is no config.
     */
    static SshConfig of(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        Path ssh = OpenSshConfig.sshBinary();
        return ssh != null ? new OpenSshConfig(ssh, file) : new MinaSshConfig(file);
    }
}
