package org.incidentconsole.drill;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill host's shell: each exec request has its host paths put onto the sandbox ({@link DrillPaths}) and
 * runs in bash with only the sandbox's bin folder on PATH (the simulated commands and the real tools the drill
 * allows, {@link DrillTools}); bash's command_not_found_handle answers anything else with
 * "drill: command not simulated: …". A command naming a path outside the drill is refused before it starts.
 */
final class DrillShell implements CommandFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DrillShell.class);
    private static final List<String> BASH = List.of("/bin/bash", "-c");

    private final DrillPaths paths;
    private final Map<String, String> env;
    private final File workDir;

    DrillShell(DrillPaths paths, Map<String, String> env, File workDir) {
        this.paths = paths;
        this.env = env;
        this.workDir = workDir;
    }

    @Override
    public Command createCommand(ChannelSession channel, String command) {
        try {
            return new ShellCommand(BASH, paths.rewrite(command), env, workDir);
        } catch (DrillRefusedException e) {
            LOG.info("Drill refused a command: {}", e.getMessage());
            return new RefusedCommand(e.getMessage());
        }
    }
}
