package org.incidentconsole.coordination;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.incidentconsole.incident.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This console's copy of a shared incident's timeline: every event its follower received, each eid once, one
 * JSON line each (the stream entry's fields, its stream id, and the journal record as {@code JournalCodec}
 * encodes it) in {@code shared.jsonl} next to the local journal, owner-only. Appended a batch at a time and
 * forced to disk once per batch. Read back at start, so the follower resumes after the last stream id it holds:
 * a restart neither downloads the timeline again nor loses an event. A torn last line (a crash mid-write) is
 * reported and cut off; the follower reads that event again. Thread-safe.
 */
public final class SharedCopy implements AutoCloseable {
    public static final String FILE_NAME = "shared.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(SharedCopy.class);

    private final Path file;
    private final FileChannel channel;
    private final MergedTimeline events = new MergedTimeline();
    private final List<String> warnings;
    private StreamId last;

    private SharedCopy(Path file, FileChannel channel, SharedCopyFile.Loaded loaded) {
        this.file = file;
        this.channel = channel;
        this.warnings = loaded.warnings();
        this.last = loaded.resumeAfter();
        loaded.events().forEach(events::add);
    }

    /** Where an incident's copy lives: {@code <incidentDir>/shared.jsonl}. */
    public static Path file(Path incidentDir) {
        return incidentDir.resolve(FILE_NAME);
    }

    /** Whether the incident in this folder is shared: its copy exists (made by {@link #open}). */
    public static boolean exists(Path incidentDir) {
        return Files.isRegularFile(file(incidentDir));
    }

    /**
     * Reads an incident's copy without changing it (a missing copy is empty): for a report, which may run
     * while a console appends.
     */
    public static SharedCopyFile.Loaded read(Path incidentDir) throws IOException {
        return SharedCopyFile.read(file(incidentDir));
    }

    /**
     * Opens the incident's copy for appending, creating it owner-only when there is none; a torn last line is
     * cut off (it is in {@link #warnings()}).
     */
    public static SharedCopy open(Path incidentDir) throws IOException {
        Path file = file(incidentDir);
        PrivateFiles.createDirectories(incidentDir);
        if (!Files.exists(file)) {
            PrivateFiles.createChannel(file).close();
        }
        SharedCopyFile.Loaded loaded = SharedCopyFile.read(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            if (loaded.tornTail()) {
                channel.truncate(loaded.validLength());
                channel.force(true);
            }
            channel.position(channel.size());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        loaded.warnings().forEach(w -> LOG.warn("Shared timeline copy: {}", w));
        return new SharedCopy(file, channel, loaded);
    }

    /**
     * Appends the events not held yet, in the order given, and forces them to disk once.
     *
     * @return how many were new
     */
    public synchronized int append(List<SharedEvent> batch) throws IOException {
        StringBuilder lines = new StringBuilder();
        List<SharedEvent> fresh = new ArrayList<>(batch.size());
        Set<String> inBatch = new HashSet<>();
        for (SharedEvent e : batch) {
            if (!events.contains(e.eid()) && inBatch.add(e.eid())) {
                fresh.add(e);
                lines.append(SharedCopyFile.line(e)).append('\n');
            }
        }
        if (!fresh.isEmpty()) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            long before = channel.size();
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            } catch (IOException e) {
                channel.truncate(before); // never leave half a batch: the follower hands it again after a restart
                throw e;
            }
            fresh.forEach(events::add);
        }
        for (SharedEvent e : batch) {
            if (e.streamId().compareTo(last) > 0) {
                last = e.streamId();
            }
        }
        return fresh.size();
    }

    /** The last stream id this copy holds: the follower resumes after it ({@link StreamId#ZERO}: from the start). */
    public synchronized StreamId lastStreamId() {
        return last;
    }

    /** The eids held: the follower hands none of them again. */
    public synchronized Set<String> eids() {
        return Set.copyOf(events.eids());
    }

    /** Every event held, in merged order (position, then eid). */
    public synchronized List<SharedEvent> events() {
        return events.events();
    }

    public synchronized int size() {
        return events.size();
    }

    /** What was wrong with the file when it was opened (a torn last line, a damaged line), one sentence each. */
    public List<String> warnings() {
        return warnings;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the shared timeline copy {} failed: {}", file, e.getMessage());
        }
    }
}
