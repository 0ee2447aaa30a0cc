package org.incidentconsole.ui.breakers;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a confirmed breaker command off the FX thread: once per selected breaker, or once per Redis the rows came
 * from for the every-breaker commands, and sums up what changed in one line for the panel.
 */
public final class BreakerActionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BreakerActionRunner.class);

    private final BreakerCommands commands;
    private final Executor io;

    public BreakerActionRunner(BreakerCommands commands, Executor io) {
        this.commands = commands;
        this.io = io;
    }

    /** One call: on which Redis, for which service (null: every breaker of that Redis). */
    record Call(String source, String service) {
    }

    static List<Call> calls(BreakerCommand command, List<BreakerRow> rows) {
        return command.everyBreaker()
                ? rows.stream().map(BreakerRow::source).distinct().map(source -> new Call(source, null)).toList()
                : rows.stream().map(r -> new Call(r.source(), r.service())).toList();
    }

    /** @return "{title}: 3 keys changed; mailgun: not connected", never failing: errors are part of the line */
    public CompletableFuture<String> run(BreakerCommand command, String title, List<BreakerRow> rows) {
        List<Call> calls = calls(command, rows);
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder done = new StringBuilder();
            for (Call call : calls) {
                if (!done.isEmpty()) {
                    done.append("; ");
                }
                try {
                    var result = commands.run(call.source(), command, call.service());
                    done.append(result.changes().size()).append(" keys changed")
                            .append(result.partial() ? ", " + result.failed() + " FAILED" : "");
                } catch (Exception e) {
                    String what = call.service() == null ? call.source() : call.service();
                    LOG.warn("breaker {} on {} failed: {}", command, what, e.toString());
                    done.append(ErrorPresenter.plain(what, e));
                }
            }
            return title + ": " + done;
        }, io);
    }
}
