package org.incidentconsole.incident;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.incidentconsole.severity.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The incidents in the data directory: one folder each, holding its journal. */
public final class IncidentStore {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IncidentStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public record Summary(String id, Path dir, String title, Severity severity, Instant startedAt,
                          Instant lastAt, long events, boolean resolved, String problem,
                          IncidentEvent.Started start) {
        /** An incident another console shares (#22), not in this data directory: it can be joined. */
        public static Summary shared(String id, String title, Severity severity, Instant startedAt) {
            return new Summary(id, null, title, severity, startedAt, null, 0, false, null, null);
        }

        /** Whether it is another console's shared incident, to join rather than resume. */
        public boolean joinable() {
            return dir == null && problem == null;
        }
    }

    /** An unresolved incident as the start/resume dialog lists it: {@code refusal} says why it cannot be resumed. */
    public record Candidate(Summary summary, String refusal) {
        public boolean resumable() {
            return refusal == null;
        }
    }

    /** Who runs the incident when the operator names nobody: the OS user. */
    public static String defaultOperator() {
        return System.getProperty("user.name", "operator");
    }

    /** Starts an incident bound to an environment only, without session context: for tools and tests. */
    public IncidentSession start(String title, String trigger, Severity severity, String environment,
                                 String operator, String runbook, String zone) throws IOException {
        return open(title, trigger, severity, new IncidentBinding(environment, null, null), operator, runbook, zone,
                false);
    }

    /**
     * Starts an incident bound to its environment and inventory, then records who opened it from which machine:
     * both records are on disk when this returns.
     */
    public IncidentSession start(String title, String trigger, Severity severity, IncidentBinding binding,
                                 String operator, String runbook, String zone) throws IOException {
        return open(title, trigger, severity, binding, operator, runbook, zone, true);
    }

    private IncidentSession open(String title, String trigger, Severity severity, IncidentBinding binding,
                                 String operator, String runbook, String zone, boolean withContext)
            throws IOException {
        String id = "INC-" + ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random.generateSeed(2));
        Journal journal = Journal.create(root.resolve(id), clock);
        IncidentSession session = new IncidentSession(journal, IncidentState.empty(), List.of());
        try {
            await(session.record(new IncidentEvent.Started(id, title, trigger, severity, binding.environment(),
                    operator, runbook, zone, binding.inventory(), binding.fingerprint())));
            if (withContext) {
                await(session.record(context("start", operator)));
            }
        } catch (IOException e) {
            session.close(); // nothing was acknowledged: leave no empty incident behind
            Files.deleteIfExists(journal.file());
            Files.deleteIfExists(journal.file().getParent());
            throw e;
        }
        LOG.info("Incident {} started: {}", id, session.state().started().title()); // the title as journaled: redacted
        return session;
    }

    /**
     * Joins an incident started on another console (#22): a local journal of its own, beginning with a copy of the
     * incident's start record, then who joined from which machine. Refused, before anything is written, when the
     * incident belongs to another environment or inventory, or this data directory already holds it (resume it).
     */
    public IncidentSession join(IncidentEvent.Started started, IncidentBinding binding, String operator)
            throws IOException, IncidentMismatchException {
        String refusal = binding.mismatch(started);
        if (refusal != null) {
            throw new IncidentMismatchException(started.id(), refusal);
        }
        Path dir = root.resolve(started.id());
        if (Files.exists(dir)) {
            throw new IncidentMismatchException(started.id(), "this console's data directory already holds it:"
                    + " resume it instead (a second console on this machine needs its own INCIDENT_CONSOLE_HOME)");
        }
        Journal journal = Journal.create(dir, clock);
        IncidentSession session = new IncidentSession(journal, IncidentState.empty(), List.of());
        try {
            await(session.record(started));
            await(session.record(context("join", operator)));
        } catch (IOException e) {
            session.close();
            Files.deleteIfExists(journal.file());
            Files.deleteIfExists(journal.file().getParent());
            throw e;
        }
        LOG.info("Incident {} joined: {}", started.id(), session.state().started().title());
        return session;
    }

    /** Every incident, newest first; unreadable ones are listed with their problem, never hidden. */
    public List<Summary> list() throws IOException {
        List<Summary> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(Journal.FILE_NAME);
                if (!Files.exists(file)) {
                    continue;
                }
                out.add(summary(dir, file));
            }
        }
        out.sort(Comparator.comparing(Summary::id).reversed());
        return out;
    }

    /** One incident's line in the list; whatever is wrong with its journal becomes its problem, never a throw. */
    private static Summary summary(Path dir, Path file) {
        String id = dir.getFileName().toString();
        try {
            IncidentState.Fold fold = new IncidentState.Fold(IncidentState.empty());
            Instant[] first = new Instant[1];
            JournalReader.Scan scan = JournalReader.scan(file, r -> {
                if (first[0] == null) {
                    first[0] = r.ts();
                }
                fold.accept(r);
            });
            if (scan.empty()) {
                return new Summary(id, dir, "(empty journal)", null, null, null, 0, false, "empty journal: " + file
                        + (scan.warnings().isEmpty() ? "" : " (" + scan.warnings().get(0) + ")"), null);
            }
            IncidentState s = fold.state();
            return new Summary(id, dir, s.started() == null ? "(no start record)" : s.started().title(), s.severity(),
                    first[0], s.lastAt(), s.lastSeq(), s.resolved(),
                    scan.warnings().isEmpty() ? null : scan.warnings().get(0), s.started());
        } catch (JournalException e) {
            return new Summary(id, dir, "(damaged journal)", null, null, null, 0, false, e.getMessage(), null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            LOG.error("Listing incident {} failed", id, e);
            return new Summary(id, dir, "(unreadable journal)", null, null, null, 0, false, file + ": "
                    + (e instanceof VirtualMachineError ? "too big or too deeply nested to read with this memory"
                    : "cannot be read (details in the log file)"), null);
        }
    }

    public static final String INTERRUPTED = "the console stopped while this step ran here: what it did is unknown; "
            + "check the host before running it again";

    public List<Summary> unfinished() throws IOException {
        return list().stream().filter(s -> !s.resolved()).toList();
    }

    /**
     * The unresolved incidents, newest first, each with why it cannot be resumed under {@code binding}
     * (another environment or inventory, an unreadable journal), or null when it can.
     */
    public List<Candidate> candidates(IncidentBinding binding) throws IOException {
        return unfinished().stream().map(s -> new Candidate(s, s.start() == null
                ? (s.problem() == null ? "no start record" : s.problem()) : binding.mismatch(s.start()))).toList();
    }

    /**
     * Resumes an incident at this console, refusing one that belongs to another environment or inventory before
     * anything is written; then records who resumed it from which machine.
     */
    public IncidentSession resume(String id, IncidentBinding binding, String operator)
            throws JournalException, IOException, IncidentMismatchException {
        Path file = root.resolve(id).resolve(Journal.FILE_NAME);
        IncidentState.Fold peek = new IncidentState.Fold(IncidentState.empty());
        JournalReader.scan(file, peek);
        String refusal = binding.mismatch(peek.state().started());
        if (refusal != null) {
            throw new IncidentMismatchException(id, refusal);
        }
        IncidentSession session = resume(id);
        try {
            await(session.record(context("resume", operator)));
            for (IncidentEvent.StepStarted s : session.state().walk().interrupted().values()) {
                await(session.record(new IncidentEvent.StepFinished(s.step(), s.host(), s.command(),
                        StepOutcome.UNKNOWN, null, 0, INTERRUPTED, null, null)));
            }
        } catch (IOException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** Who works the incident from where: the operator named, the OS user and the machine, once per session. */
    static IncidentEvent.SessionOpened context(String how, String operator) {
        return new IncidentEvent.SessionOpened(how, operator, System.getProperty("user.name"), machine(),
                Map.of());
    }

    /** This machine's name as the journal records it. */
    public static String machine() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Reopens an incident where it stopped, whatever its environment (the caller checks: see
     * {@link #resume(String, IncidentBinding, String)}). A torn last line is kept aside in {@code journal.jsonl.torn-N}
     * before it is cut from the journal, and reported in the session's warnings.
     */
    public IncidentSession resume(String id) throws JournalException, IOException {
        Path file = root.resolve(id).resolve(Journal.FILE_NAME);
        IncidentState.Fold fold = new IncidentState.Fold(IncidentState.empty());
        JournalReader.Scan loaded = JournalReader.scan(file, fold);
        List<String> warnings = new ArrayList<>(loaded.warnings());
        if (loaded.empty()) {
            throw new JournalException(file, 1, "no complete record: nothing to resume");
        }
        if (loaded.tornTail()) {
            Path aside = file.resolveSibling(Journal.FILE_NAME + ".torn-" + (loaded.records() + 1));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileChannel out = PrivateFiles.createChannel(aside)) {
                ch.transferTo(loaded.validLength(), ch.size() - loaded.validLength(), out);
                out.force(true);
                ch.truncate(loaded.validLength());
                ch.force(true);
            }
            warnings.add("the cut-off line was kept in " + aside);
            LOG.warn("Incident {}: {}", id, warnings);
        }
        IncidentState state = fold.state();
        Journal journal = Journal.reopen(file, clock, state.lastSeq());
        return new IncidentSession(journal, state, warnings);
    }

    static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the journal", e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }
}
