package org.incidentconsole.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    static final String TTY_NOTE = "[terminal allocated: stdout and stderr arrive merged, as one stream]";

    private final String host;
    private final String command;
    private final OutputListener listener;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final CommandOptions options;
    private final Object inputLock = new Object();
    private final CompletableFuture<ExecResult> result = new CompletableFuture<>();
    private final long createdNanos = System.nanoTime();
    private volatile long startedNanos;
    private volatile Session.Command running;
    /** Set once by cancel or the timer, without a lock: neither ever waits for a listener. */
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    /** Serialises listener calls (stdout and stderr pumps); never taken by cancel or the timer. */
    private final Object deliverLock = new Object();
    private volatile boolean connectionBroke;

    private record Stop(ExecOutcome outcome, String why) {
    }

    RemoteCommand(String host, String command, OutputListener listener, ExecutorService io,
                  ScheduledExecutorService scheduler) {
        this(host, command, listener, io, scheduler, CommandOptions.PLAIN);
    }

    RemoteCommand(String host, String command, OutputListener listener, ExecutorService io,
                  ScheduledExecutorService scheduler, CommandOptions options) {
        this.options = options;
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

    /**
     * Stops the command: the result completes CANCELLED at once, then INT goes to the remote process and the
     * channel is closed on an I/O thread. Never blocks, even while a listener is busy with a line.
     */
    public void cancel() {
        stop(ExecOutcome.CANCELLED, "cancelled by the operator");
    }

    void notStarted(String reason) {
        Stop s = stop.get();
        finish(s != null && s.outcome() == ExecOutcome.CANCELLED ? ExecOutcome.CANCELLED : ExecOutcome.FAILED, null,
                reason);
    }

    void start(SSHClient client, Duration timeout) {
        io.execute(() -> run(client, timeout));
    }

    private void run(SSHClient client, Duration timeout) {
        Stop early = stop.get();
        if (early != null) {
            finish(early.outcome(), null, "cancelled before it started");
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
        SudoResponder sudo = options.sudo() != null && SudoResponder.usesSudo(command)
                && options.sudo().passwordNeeded(client) ? options.sudo() : null;
        try {
            if (options.tty()) {
                session.allocatePTY("dumb", 200, 50, 0, 0, Map.of());
            }
            Session.Command cmd = session.exec(sudo == null ? command : sudo.rewrite(command));
            running = cmd;
            if (sudo == null && !options.tty()) {
                cmd.getOutputStream().close(); // no input, like ssh -n: a command that asks for input gets EOF
            }
            if (stop.get() != null) {
                interrupt(cmd);
            }
            if (options.tty()) {
                deliver(StreamKind.STDOUT, TTY_NOTE);
            }
            boolean answering = sudo != null || options.tty();
            Future<?> stderr = io.submit(() -> pump(cmd.getErrorStream(), StreamKind.STDERR, answering, sudo, cmd));
            pump(cmd.getInputStream(), StreamKind.STDOUT, answering, sudo, cmd);
            await(stderr);
            awaitClose(cmd);
            decide(cmd, client, sudo);
        } catch (IOException e) {
            finish(ExecOutcome.UNKNOWN, null, "the connection failed while starting the command ("
                    + e.getMessage() + "): it may or may not have run");
        } finally {
            timer.cancel(false);
            closeQuietly(session);
            if (sudo != null) {
                sudo.close();
            }
        }
    }

    private void decide(Session.Command cmd, SSHClient client, SudoResponder sudo) {
        Integer exit = cmd.getExitStatus();
        Stop s = stop.get();
        String sudoFailure = sudo == null ? null : sudo.failure();
        if (s != null) {
            finish(s.outcome(), exit, s.why());
        } else if (sudoFailure != null && (exit == null || exit != 0)) {
            finish(ExecOutcome.FAILED, exit, sudoFailure + (exit == null ? "" : " (exit status " + exit + ")"));
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

    private void pump(InputStream in, StreamKind kind, boolean answering, SudoResponder sudo, Session.Command cmd) {
        if (!answering) {
            pump(in, kind);
            return;
        }
        AnsweringReader reader = new AnsweringReader(kind, sudo, cmd.getOutputStream(), inputLock, (k, line) -> {
            if (!result.isDone()) {
                deliver(k, line);
            }
        });
        try {
            if (!reader.read(in)) {
                stop(ExecOutcome.FAILED, sudo.failure());
            }
        } catch (IOException e) {
            if (stop.get() == null) {
                connectionBroke = true;
                LOG.debug("{}: {} stream ended with an error: {}", host, kind, e.getMessage());
            }
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
            if (stop.get() == null) {
                connectionBroke = true;
                LOG.debug("{}: {} stream ended with an error: {}", host, kind, e.getMessage());
            }
        }
    }

    private void deliver(StreamKind kind, String line) {
        synchronized (deliverLock) {
            if (result.isDone()) {
                return;
            }
            try {
                listener.line(host, kind, line);
            } catch (RuntimeException e) {
                LOG.warn("Output listener failed on {}", host, e);
            }
        }
    }

    /** Lock-free: the first stop wins; the result completes before anything else is done. */
    private void stop(ExecOutcome reason, String why) {
        if (result.isDone() || !stop.compareAndSet(null, new Stop(reason, why))) {
            return;
        }
        finish(reason, null, why);
        Session.Command cmd = running;
        if (cmd != null) {
            io.execute(() -> interrupt(cmd));
        }
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
            LOG.debug("{}: command ended {} (exit {}) after {} ms", host, outcome, exit, took.toMillis());
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
            if (stop.get() == null && cmd.getExitStatus() == null) {
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
