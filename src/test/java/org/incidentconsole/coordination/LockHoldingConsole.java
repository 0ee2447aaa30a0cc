package org.incidentconsole.coordination;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A console in a child JVM (see {@link RunLockKilledConsoleTest}): takes the run lock of a step on a host, keeps
 * renewing it, prints "ID fence" and "MIDSTEP", then waits to be killed.
 * Arguments: redis port, incident id, step, host, operator, lock TTL in ms.
 */
public final class LockHoldingConsole {
    private LockHoldingConsole() {
    }

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
        CoordinationRedis redis = new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1",
                Integer.parseInt(args[0])));
        RunLocks locks = new RunLocks(redis, new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX, args[1]),
                "child-console", Duration.ofMillis(Long.parseLong(args[5])), renewer, Clock.systemUTC());
        LockAttempt attempt = locks.acquire(args[2], args[3], args[4]);
        if (!(attempt instanceof LockAttempt.Granted granted)) {
            System.out.println("REFUSED " + attempt);
            System.exit(3);
            return;
        }
        System.out.println("ID " + granted.lock().fence());
        System.out.println("MIDSTEP");
        System.out.flush();
        new CountDownLatch(1).await(); // the step "runs" until SIGKILL
    }
}
