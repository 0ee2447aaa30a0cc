package org.incidentconsole.notify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.incidentconsole.inventory.StatusPageSettings;
import org.slf4j.LoggerFactory;

/**
 * One status page for a test: the loopback Statuspage, a token generated from a printed seed, the inventory's
 * settings for it, a secret source that knows the token (and records what it was asked), and every log line.
 */
final class StatuspageFixture implements AutoCloseable {
    static final String PAGE = "kctbh9vrtdwd";
    static final String ENV = "STATUSPAGE_TOKEN";
    static final Map<String, String> COMPONENTS = Map.of("API", "8kbf7d35c070", "Website", "vtnh60py4yd7");

    final long seed = Long.getLong("statuspage.seed", System.nanoTime());
    final String token;
    final StatuspageServer server;
    final StatusPageSettings settings;
    final List<String> asked = new ArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.incidentconsole");
    private final Level before = logger.getLevel();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    StatuspageFixture() throws IOException {
        byte[] bytes = new byte[16];
        new Random(seed).nextBytes(bytes);
        token = HexFormat.of().formatHex(bytes); // lower-case hex, like the service's keys: no look-based rule hides it
        server = new StatuspageServer(PAGE, token);
        settings = new StatusPageSettings(server.api(), PAGE, ENV, COMPONENTS, 40);
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
    }

    String seedNote() {
        return "token seed " + seed + " (rerun with -Dstatuspage.seed=" + seed + ")";
    }

    SecretSource secrets() {
        return (channel, what, env) -> {
            synchronized (asked) {
                asked.add(channel + " / " + what + " / " + env);
            }
            return ENV.equals(env) ? Optional.of(token) : Optional.empty();
        };
    }

    AtlassianStatusPage page() {
        return new AtlassianStatusPage(settings, secrets());
    }

    /** Every log line written so far, with its stack trace if any. */
    List<String> logLines() {
        return log.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(log);
        logger.setLevel(before);
        server.close();
    }
}
