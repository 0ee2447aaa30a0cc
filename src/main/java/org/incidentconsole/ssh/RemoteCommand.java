package org.incidentconsole.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command running on one host: output streamed line by line, a time limit, and cancel (INT, then the
 * channel is closed). The result completes exactly once; cancel and timeout complete it at once.
 */
public final class RemoteCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteCommand.class);
    private static final long EXIT_STATUS_WAIT_MS = 5_000;

    private final String host;
    private final String command;
    private final OutputListener listener;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<ExecResult> result = new CompletableFuture<>();
    private final long createdNanos = System.nanoTime();
    private volatile long startedNanos;
    private volatile Session.Command running;
    private volatile ExecOutcome stopReason;
    private volatile boolean connectionBroke;

    RemoteCommand(String host, String command, OutputListener listener, ExecutorService io,
                  ScheduledExecutorService scheduler) {
        this.host = host;
        this.command = command;
        this.listener = listener;
        this.io = io;
        this.scheduler = scheduler;
    }

    public String host() {
        return host;
    }

    public String command() {
        return command;
    }

    public CompletableFuture<ExecResult> result() {
        return result.copy();
    }

    /** Stops the command: INT to the remote process, then the channel is closed. Never blocks. */
    public void cancel() {
        stop(ExecOutcome.CANCELLED, "cancelled by the operator");
    }

    void notStarted(String reason) {
        finish(stopReason == ExecOutcome.CANCELLED ? ExecOutcome.CANCELLED : ExecOutcome.FAILED, null, reason);
    }

    void start(SSHClient client, Duration timeout) {
        io.execute(() -> run(client, timeout));
    }

    private void run(SSHClient client, Duration timeout) {
        if (stopReason != null) {
            finish(stopReason, null, "cancelled before it started");
            return;
        }
        startedNanos = System.nanoTime();
        Session session;
        try {
            session = client.startSession();
        } catch (IOException e) {
            finish(ExecOutcome.FAILED, null, "not run: could not open a channel: " + e.getMessage());
            return;
        }
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> stop(ExecOutcome.TIMEOUT, "no result within " + timeout.toSeconds() + " s; stopped"),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Session.Command cmd = session.exec(command);
            running = cmd;
            cmd.getOutputStream().close(); // no input, like ssh -n: a command that asks for input gets EOF, never hangs
            if (stopReason != null) {
                interrupt(cmd);
            }
            Future<?> stderr = io.submit(() -> pump(cmd.getErrorStream(), StreamKind.STDERR));
            pump(cmd.getInputStream(), StreamKind.STDOUT);
            await(stderr);
            awaitClose(cmd);
            decide(cmd, client);
        } catch (IOException e) {
            finish(ExecOutcome.UNKNOWN, null, "the connection failed while starting the command ("
                    + e.getMessage() + "): it may or may not have run");
        } finally {
            timer.cancel(false);
            closeQuietly(session);
        }
    }

    private void decide(Session.Command cmd, SSHClient client) {
        Integer exit = cmd.getExitStatus();
        if (stopReason != null) {
            finish(stopReason, exit, null);
        } else if (exit != null) {
            finish(exit == 0 ? ExecOutcome.OK : ExecOutcome.FAILED, exit, exit == 0 ? "exit status 0"
                    : "exit status " + exit);
        } else if (cmd.getExitSignal() != null && !connectionBroke && client.isConnected()) {
            finish(ExecOutcome.FAILED, null, "terminated by signal " + cmd.getExitSignal());
        } else {
            finish(ExecOutcome.UNKNOWN, null, "the connection ended before the host reported an exit status:"
                    + " the command may or may not have completed");
        }
    }

    private void pump(InputStream in, StreamKind kind) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!result.isDone()) {
                    deliver(kind, line);
                }
            }
        } catch (IOException e) {
            if (stopReason == null) {
                connectionBroke = true;
                LOG.debug("{}: {} stream ended with an error: {}", host, kind, e.getMessage());
            }
        }
    }

    private synchronized void deliver(StreamKind kind, String line) {
        try {
            listener.line(host, kind, line);
        } catch (RuntimeException e) {
            LOG.warn("Output listener failed on {}", host, e);
        }
    }

    private void stop(ExecOutcome reason, String why) {
        synchronized (this) {
            if (stopReason != null || result.isDone()) {
                return;
            }
            stopReason = reason;
        }
        Session.Command cmd = running;
        if (cmd != null) {
            io.execute(() -> interrupt(cmd));
        }
        finish(reason, null, why);
    }

    private void interrupt(Session.Command cmd) {
        try {
            cmd.signal(Signal.INT);
        } catch (IOException e) {
            LOG.debug("{}: could not send INT: {}", host, e.getMessage());
        }
        closeQuietly(cmd);
    }

    private void finish(ExecOutcome outcome, Integer exit, String reason) {
        long from = startedNanos != 0 ? startedNanos : createdNanos;
        Duration took = Duration.ofNanos(System.nanoTime() - from);
        if (result.complete(new ExecResult(host, command, outcome, exit, took, reason))) {
            LOG.info("{}: command ended {} (exit {}) after {} ms", host, outcome, exit, took.toMillis());
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("stderr pump failed", e);
        }
    }

    private void awaitClose(Session.Command cmd) {
        try {
            cmd.join(EXIT_STATUS_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            if (stopReason == null && cmd.getExitStatus() == null) {
                connectionBroke = true;
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
