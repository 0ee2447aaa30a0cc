package org.incidentconsole.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.RetryPolicy;
import org.incidentconsole.notify.RetryingCourier;
import org.incidentconsole.notify.SecretPrompt;
import org.incidentconsole.notify.Sender;
import org.incidentconsole.notify.Senders;
import org.incidentconsole.notify.SessionSecrets;
import org.incidentconsole.notify.StatusPageSender;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.report.CommsFacts;
import org.incidentconsole.report.CommsTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console notify}: tests a channel before an incident ({@code --dry-run} shows what would be sent and
 * checks its secrets are set), or sends from a script. Secrets come from the environment only: nothing is asked.
 * Journals are only read: a message sent from here is not part of an incident's record (the window journals what it
 * sends), and the command says so.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Send a comms message to channels of the inventory's notify: section, or show it with "
                + "--dry-run. Exits 0 when every channel took it, 1 when one did not, 2 for a bad inventory, "
                + "channel or template.")
final class NotifyCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppHome home;
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "WORD", defaultValue = "free",
            description = "initial, progress, rollback, resolved or free (default: free).")
    String template;

    @Option(names = "--channel", paramLabel = "NAME", required = true,
            description = "A channel of notify: (repeat for several); status-page for the status page.")
    List<String> channels;

    @Option(names = "--text", paramLabel = "TEXT", description = "The message, instead of the template's text.")
    String text;

    @Option(names = "--subject", paramLabel = "TEXT", description = "The subject, instead of the template's.")
    String subject;

    @Option(names = "--incident", paramLabel = "ID",
            description = "Fill the template from this incident's journal (read only). Without it: a channel test.")
    String incident;

    @Option(names = "--phase", paramLabel = "STATUS",
            description = "For status-page: investigating, identified, monitoring or resolved (default: investigating).")
    String phase;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--dry-run", description = "Print what would be sent (secrets masked), check the secrets are set, "
            + "send nothing.")
    boolean dryRun;

    /** @param env the process environment: where every channel's secret comes from */
    NotifyCommand(AppHome home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (Refusal r) {
            err.println("incident-console: " + r.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws Exception {
        Inventory loaded;
        try {
            loaded = inventory.load(home);
        } catch (InventoryException e) {
            throw new Refusal(e.getMessage());
        }
        NotifySettings comms = loaded.comms();
        CommsTemplate chosen = CommsTemplate.byWord(template).orElseThrow(() -> new Refusal("no message template '"
                + template + "': use initial, progress, rollback, resolved or free"));
        StatusPhase statusPhase = phase == null ? StatusPhase.INVESTIGATING : StatusPhase.fromWord(phase)
                .orElseThrow(() -> new Refusal("no status page status '" + phase
                        + "': use investigating, identified, monitoring or resolved"));
        SessionSecrets secrets = new SessionSecrets(env, SecretPrompt.NONE);
        List<Sender> senders = senders(comms, inventory.path(home), secrets);
        IncidentState state = incidentState();
        CommsFacts facts = state == null ? channelTest(loaded)
                : CommsFacts.of(state, Instant.now(), comms.updateEvery());
        CommsTemplate.Filled filled = chosen.fill(facts);
        String subjectLine = subject != null ? subject : filled.subject();
        String body = text != null ? text : filled.text();
        if (body == null || body.isBlank()) {
            throw new Refusal("the message is empty: give --text (the free template has no text of its own)");
        }
        Map<String, String> values = CommsService.facts(facts, chosen.word(), subjectLine, body, statusPhase,
                state == null ? null : state.comms().statusPageRef());
        Outgoing message = new Outgoing(values.get("subject"), values.get("text"), values);
        return dryRun ? dryRun(out, comms, message, senders) : send(out, err, message, senders);
    }

    private List<Sender> senders(NotifySettings comms, Path file, SessionSecrets secrets) {
        List<Sender> senders = new ArrayList<>();
        for (String name : channels) {
            if (StatusPageSender.CHANNEL.equals(name)) {
                if (comms.statusPage() == null) {
                    throw new Refusal(file + " has no notify.status_page");
                }
                senders.add(new StatusPageSender(comms.statusPage(), secrets));
                continue;
            }
            NotifyChannel channel = comms.channel(name).orElseThrow(() -> new Refusal("no channel '" + name
                    + "' in the notify: section of " + file + " (channels: " + String.join(", ", comms.channels()
                    .stream().map(NotifyChannel::name).toList()) + (comms.statusPage() == null ? "" : ", "
                    + StatusPageSender.CHANNEL) + ")"));
            senders.add(Senders.create(channel, secrets));
        }
        return senders;
    }

    /** A channel test without an incident, and says so in its title. */
    private static CommsFacts channelTest(Inventory loaded) {
        return new CommsFacts("Channel test from incident-console (no incident)", null, "investigating",
                loaded.environment().label(), "none", IncidentStore.defaultOperator(), null, 0, 0, null, null, null,
                CommsFacts.IMPACT_UNKNOWN, Duration.ZERO, null);
    }

    /** The incident of {@code --incident}, folded from its journal (only read); null without the option. */
    private IncidentState incidentState() throws JournalException {
        if (incident == null) {
            return null;
        }
        Path journal = home.incidents().resolve(incident).resolve(Journal.FILE_NAME);
        if (!incident.matches("[A-Za-z0-9-]+") || !Files.isRegularFile(journal)) {
            throw new Refusal("no incident " + incident + " in " + home.incidents());
        }
        return IncidentState.replay(JournalReader.read(journal).records());
    }

    private int dryRun(PrintWriter out, NotifySettings comms, Outgoing message, List<Sender> senders) {
        Map<String, ChannelPreflightRow> rows = new LinkedHashMap<>();
        ChannelSecrets.check(comms, env).forEach(r -> rows.put(r.channel(), r));
        boolean ready = true;
        for (Sender s : senders) {
            out.println("== " + s.channel() + " (dry run: nothing sent)");
            out.println(s.preview(message));
            ChannelPreflightRow row = rows.get(StatusPageSender.CHANNEL.equals(s.channel())
                    ? ChannelSecrets.STATUS_PAGE : s.channel());
            if (row != null && !row.missing().isEmpty()) {
                ready = false;
                out.println("secrets NOT set: " + String.join(", ", row.missing()));
            } else {
                out.println("secrets set");
            }
            out.println();
        }
        return ready ? 0 : 1;
    }

    private int send(PrintWriter out, PrintWriter err, Outgoing message, List<Sender> senders) throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        List<DeliveryUpdate> last;
        try (AppExecutors executors = new AppExecutors()) {
            RetryingCourier courier = new RetryingCourier(executors.io(), executors.scheduler(), Clock.systemUTC(),
                    RetryPolicy.defaults());
            last = courier.send(message, senders, u -> {
                synchronized (out) {
                    out.println(line(u, zone));
                    out.flush();
                }
            }).finished().get();
        }
        err.println("not journaled: a message sent from the command line is not part of an incident's record");
        return last.stream().allMatch(u -> u.state() == DeliveryState.DELIVERED) ? 0 : 1;
    }

    static String line(DeliveryUpdate u, ZoneId zone) {
        String why = u.reason() == null || u.reason().isBlank() ? "" : ": " + u.reason();
        return switch (u.state()) {
            case SENDING -> u.channel() + ": sending" + (u.attempt() > 1 ? " (try " + u.attempt() + ")" : "");
            case WAITING_RETRY -> u.channel() + ": waiting to retry at "
                    + TIME.format(u.retryAt().atZone(zone)) + why;
            case DELIVERED -> u.channel() + ": delivered at " + TIME.format(u.at().atZone(zone))
                    + (u.status() == null ? "" : " (" + u.status() + ")");
            case FAILED -> u.channel() + ": FAILED" + (why.isEmpty() && u.status() != null ? ": " + u.status() : why);
            case CANCELLED -> u.channel() + ": cancelled";
        };
    }

    /** Bad input on the command line: one sentence, exit 2. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }
}
