package org.incidentconsole.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * Runs an exec request with /bin/sh -c (or another shell) as sshd does, with the given environment; INT/TERM/KILL or a closed
 * channel kill the process tree. Used by the drill's SSH server and by the tests' servers.
 */
public final class ShellCommand extends ExecCommand {
    private final String command;
    private final java.util.Map<String, String> env;
    private volatile Process process;

    private final java.io.File workDir;
    private final java.util.List<String> shell;

    public ShellCommand(String command, java.util.Map<String, String> env) {
        this(command, env, null);
    }

    /** @param workDir where the command starts (the sandbox home), or null for the JVM's directory */
    public ShellCommand(String command, java.util.Map<String, String> env, java.io.File workDir) {
        this(java.util.List.of("/bin/sh", "-c"), command, env, workDir);
    }

    /** @param shell the shell and its options before the command, e.g. {@code /bin/bash -c} */
    public ShellCommand(java.util.List<String> shell, String command, java.util.Map<String, String> env,
                        java.io.File workDir) {
        this.shell = java.util.List.copyOf(shell);
        this.command = command;
        this.env = env;
        this.workDir = workDir;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        env.addSignalListener((ch, signal) -> kill(), Signal.INT, Signal.TERM, Signal.KILL, Signal.HUP);
        java.util.List<String> argv = new java.util.ArrayList<>(shell);
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
