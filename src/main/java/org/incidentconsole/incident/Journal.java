package org.incidentconsole.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of one incident: JSON lines, written by one thread in order, each record forced to
 * disk before its future completes. An action counts as done only once that future has completed.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE_NAME = "journal.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final ExecutorService writer;
    private long seq;

    private Journal(Path file, FileChannel channel, Clock clock, long lastSeq) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.seq = lastSeq;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ic-journal-" + file.getParent().getFileName());
            t.setDaemon(false); // let a pending write finish when the app exits
            return t;
        });
    }

    /** A new journal in {@code dir}, which must not hold one yet. */
    public static Journal create(Path dir, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        forceDirectory(dir);
        return new Journal(file, channel, clock, 0);
    }

    /** Continues a journal whose valid records end with {@code lastSeq}. */
    static Journal reopen(Path file, Clock clock, long lastSeq) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new Journal(file, channel, clock, lastSeq);
    }

    public Path file() {
        return file;
    }

    /** Appends the event; the future completes once the record is on disk, or fails if it could not be. */
    public CompletableFuture<JournalRecord> append(IncidentEvent event) {
        return CompletableFuture.supplyAsync(() -> write(event), writer);
    }

    private JournalRecord write(IncidentEvent event) {
        JournalRecord record = new JournalRecord(seq + 1, clock.instant(), JournalRecord.SCHEMA_VERSION, event);
        ByteBuffer bytes = ByteBuffer.wrap((JournalCodec.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            LOG.error("Journal write failed for {} at record {}", file, record.seq(), e);
            throw new UncheckedIOException("the journal could not be written: " + e.getMessage(), e);
        }
        seq = record.seq();
        return record;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Directory fsync not supported for {}", dir, e);
        }
    }

    /** Waits for pending writes, then closes the file. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.error("Journal {} still writing after 30 s at close", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing journal {} failed", file, e);
        }
    }
}
