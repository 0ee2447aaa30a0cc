package org.incidentconsole.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.incidentconsole.inventory.StatusPageSettings;

/**
 * The status page as one of the courier's channels: the first message that is delivered opens the page's incident,
 * every later one updates it. The phase comes from the message's {@code phase} fact (else its {@code status}), the
 * public title from {@code title} (else the subject), the customers' message from the text; every component of the
 * settings gets the component status {@link #COMPONENT_STATUS} gives the phase.
 */
public final class StatusPageSender implements Sender {
    public static final String CHANNEL = "status-page";
    public static final String PHASE_FACT = "phase";
    public static final String STATUS_FACT = "status";
    public static final String TITLE_FACT = "title";
    /** The page's incident the journal knows this incident opened (set by whoever fills the facts). */
    public static final String REF_FACT = "status_page_ref";

    /** Statuspage component status for every affected component, by phase. */
    public static final Map<StatusPhase, String> COMPONENT_STATUS = Map.of(
            StatusPhase.INVESTIGATING, "major_outage",
            StatusPhase.IDENTIFIED, "major_outage",
            StatusPhase.MONITORING, "degraded_performance",
            StatusPhase.RESOLVED, "operational");

    private final StatusPage page;
    private final List<String> componentIds;
    private final Map<StatusPhase, String> componentStatus;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String ref;

    /** The inventory's status page, no incident opened on it yet. */
    public StatusPageSender(StatusPageSettings settings, SecretSource secrets) {
        this(settings, secrets, null);
    }

    /** The inventory's status page, where this incident already opened {@code ref} (null: none yet). */
    public StatusPageSender(StatusPageSettings settings, SecretSource secrets, String ref) {
        this(new AtlassianStatusPage(settings, secrets), settings.components().values(), COMPONENT_STATUS, ref);
    }

    /**
     * @param ref the page's incident this incident already opened (journaled from an earlier delivery's ref), or
     *            null to open one with the first message
     */
    public StatusPageSender(StatusPage page, Collection<String> componentIds, Map<StatusPhase, String> componentStatus,
                            String ref) {
        this.page = page;
        this.componentIds = componentIds.stream().sorted().toList();
        this.componentStatus = Map.copyOf(componentStatus);
        for (StatusPhase phase : StatusPhase.values()) {
            if (!this.componentStatus.containsKey(phase)) {
                throw new IllegalArgumentException("no component status for " + phase.label());
            }
        }
        this.ref = ref;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** The page's incident this sender updates: given, or learnt from the first delivered message. */
    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }

    @Override
    public Attempt send(Outgoing message) throws InterruptedException {
        Optional<StatusPhase> phase = phase(message);
        if (phase.isEmpty()) {
            return Attempt.failed(null, noPhase(message));
        }
        lock.lockInterruptibly();
        try {
            String journaled = message.facts().get(REF_FACT);
            String current = ref != null ? ref : journaled == null || journaled.isBlank() ? null : journaled;
            if (current != null) {
                return page.update(current, post(message, phase.get()));
            }
            if (title(message).isBlank()) {
                return Attempt.failed(null, "no title for the status page incident");
            }
            Attempt attempt = page.create(post(message, phase.get()));
            if (attempt.result() == Attempt.Result.DELIVERED && attempt.ref() != null) {
                ref = attempt.ref();
            }
            return attempt;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String preview(Outgoing message) {
        String journaled = message.facts().get(REF_FACT);
        String current = ref != null ? ref : journaled == null || journaled.isBlank() ? null : journaled;
        return phase(message).map(p -> page.preview(current, post(message, p))).orElseGet(() -> noPhase(message));
    }

    /** The post a message makes, once its phase is known. */
    public StatusPost post(Outgoing message, StatusPhase phase) {
        Map<String, String> components = new LinkedHashMap<>();
        componentIds.forEach(id -> components.put(id, componentStatus.get(phase)));
        return new StatusPost(title(message), phase, message.text(), components);
    }

    /** The phase a message asks for: its {@code phase} fact, else its {@code status} fact (the incident's status). */
    public static Optional<StatusPhase> phase(Outgoing message) {
        String word = message.facts().get(PHASE_FACT);
        return StatusPhase.fromWord(word == null ? message.facts().get(STATUS_FACT) : word);
    }

    private static String title(Outgoing message) {
        String title = message.facts().get(TITLE_FACT);
        if (title == null || title.isBlank()) {
            title = message.subject();
        }
        return title == null ? "" : title.strip();
    }

    private static String noPhase(Outgoing message) {
        String word = message.facts().getOrDefault(PHASE_FACT, message.facts().get(STATUS_FACT));
        return (word == null ? "no status page phase" : "not a status page phase: \"" + word + "\"")
                + " (investigating, identified, monitoring or resolved)";
    }
}
