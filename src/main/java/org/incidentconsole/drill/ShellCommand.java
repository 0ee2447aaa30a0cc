package org.incidentconsole.drill;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * Runs an exec request with /bin/sh -c (or another shell) as sshd does, with the given environment; INT/TERM/KILL or a closed
 * channel kill the process tree. Used by the drill's SSH server and by the tests' servers.
 */
public final class ShellCommand extends ExecCommand {
    private final String command;
    private final Map<String, String> env;
    private volatile Process process;

    private final File workDir;
    private final List<String> shell;

    public ShellCommand(String command, Map<String, String> env) {
        this(command, env, null);
    }

    /** @param workDir where the command starts (the sandbox home), or null for the JVM's directory */
    public ShellCommand(String command, Map<String, String> env, File workDir) {
        this(List.of("/bin/sh", "-c"), command, env, workDir);
    }

    /** @param shell the shell and its options before the command, e.g. {@code /bin/bash -c} */
    public ShellCommand(List<String> shell, String command, Map<String, String> env,
                        File workDir) {
        this.shell = List.copyOf(shell);
        this.command = command;
        this.env = env;
        this.workDir = workDir;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        env.addSignalListener((ch, signal) -> kill(), Signal.INT, Signal.TERM, Signal.KILL, Signal.HUP);
        List<String> argv = new ArrayList<>(shell);
        argv.add(command);
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(this.env);
        if (workDir != null) {
            builder.directory(workDir);
        }
        process = builder.start();
        process.getOutputStream().close();
        Thread stderr = pump(process.getErrorStream(), err);
        Thread stdout = pump(process.getInputStream(), out);
        Thread waiter = new Thread(() -> {
            try {
                int status = process.waitFor();
                stdout.join();
                stderr.join();
                exit.onExit(status);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drill-sshd-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // channel gone: the process is being killed
            }
        }, "drill-sshd-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void kill() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        kill();
    }
}
