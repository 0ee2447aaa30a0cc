package org.incidentconsole.incident;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of one incident: JSON lines, written by one thread in order, each record forced to
 * disk before its future completes. An action counts as done only once that future has completed.
 *
 * <p>Write-ahead discipline: the file is known to end on a whole record at {@code goodLength}. A write or force
 * that fails (a full disk) cuts the file back to there before the future fails, and every append first checks
 * that nothing is left after it, so a record is never appended after a torn remainder.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE_NAME = "journal.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final ExecutorService writer;
    private long seq;
    private long goodLength;
    private String lastGood;

    private Journal(Path file, FileChannel channel, Clock clock, long lastSeq) throws IOException {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.seq = lastSeq;
        this.goodLength = channel.size();
        this.lastGood = lastSeq == 0 ? null : "event " + lastSeq;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ic-journal-" + file.getParent().getFileName());
            t.setDaemon(false); // let a pending write finish when the app exits
            return t;
        });
    }

    /** A new journal in {@code dir}, which must not hold one yet. */
    public static Journal create(Path dir, Clock clock) throws IOException {
        PrivateFiles.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = PrivateFiles.createChannel(file, StandardOpenOption.APPEND);
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

    /**
     * Appends the event; the future completes once the record is on disk, or fails with a
     * {@link JournalWriteException} (the file then still ends on its last good record).
     */
    public CompletableFuture<JournalRecord> append(IncidentEvent event) {
        CompletableFuture<JournalRecord> done = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try {
                    done.complete(write(event));
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the journal " + file + " is closed", e));
        }
        return done;
    }

    private JournalRecord write(IncidentEvent event) throws JournalWriteException {
        JournalRecord record = new JournalRecord(seq + 1, clock.instant(), JournalRecord.SCHEMA_VERSION, event);
        ByteBuffer bytes = ByteBuffer.wrap((JournalCodec.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            cutBackToGoodLength();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw failed(record, e);
        }
        goodLength += bytes.limit();
        seq = record.seq();
        lastGood = "event " + seq + " (" + event.getClass().getSimpleName() + " at " + record.ts() + ")";
        return record;
    }

    /** Removes whatever a failed write left after the last good record. */
    private void cutBackToGoodLength() throws IOException {
        if (channel.size() != goodLength) {
            channel.truncate(goodLength);
            channel.force(true);
            LOG.warn("Journal {}: cut an unfinished record off after byte {}", file, goodLength);
        }
    }

    private JournalWriteException failed(JournalRecord record, IOException e) {
        boolean cut;
        try {
            cutBackToGoodLength();
            cut = true;
        } catch (IOException again) {
            e.addSuppressed(again);
            cut = false;
        }
        boolean full = isDiskFull(e);
        String nothingAfter = (lastGood == null ? "the incident's first event was not recorded"
                : "nothing after " + lastGood + " was recorded")
                + (cut ? "" : " (the unfinished record will be cut off before the next write)");
        String sentence = full
                ? "the journal could not be written: the disk is full (" + usableSpace() + " bytes free on "
                        + mountPoint() + "); " + nothingAfter + " — free space, then retry"
                : "the journal could not be written: " + reason(e) + " (" + file + "); " + nothingAfter
                        + " — fix this, then retry";
        LOG.error("{} [record {} not written]", sentence, record.seq(), e);
        return new JournalWriteException(sentence, full, e);
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(file).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Where the operator frees space: the file system's mount point ("/home"), else the journal's folder. */
    private String mountPoint() {
        try {
            String store = Files.getFileStore(file).toString(); // "/home (/dev/sda2)" on Linux
            int name = store.lastIndexOf(" (");
            if (name > 0 && store.startsWith("/")) {
                return store.substring(0, name);
            }
        } catch (IOException e) {
            LOG.debug("No file store for {}", file, e);
        }
        return file.getParent().toString();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
