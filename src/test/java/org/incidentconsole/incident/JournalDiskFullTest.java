package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.SmallTmpfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journal on a real 256 KB tmpfs that fills up: a write that fails half-way is cut back, later appends are
 * refused with one sentence while the disk is full, and once space is back every acknowledged event loads.
 */
class JournalDiskFullTest {
    private static SmallTmpfs disk;

    @BeforeAll
    static void mount() throws Exception {
        disk = SmallTmpfs.mount(256);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void a_full_disk_never_leaves_a_torn_record_and_every_acknowledged_event_survives() throws Exception {
        long seed = Long.getLong("diskfull.seed", System.nanoTime());
        Random random = new Random(seed);
        String why = "seed " + seed;
        IncidentStore store = new IncidentStore(disk.dir().resolve("incidents"), Clock.systemUTC());
        IncidentSession session = store.start("Disk full", "test", Severity.P1, "drill", "jane", null, "UTC");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(note(session, random, acknowledged.size()).orElseThrow());
        }
        disk.fill();
        Path file = session.journalFile();

        JournalWriteException refused = null;
        long sizeBefore = 0;
        while (refused == null) {
            sizeBefore = Files.size(file);
            try {
                acknowledged.add(note(session, random, acknowledged.size()).orElseThrow());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as(why).isInstanceOf(JournalWriteException.class);
                refused = (JournalWriteException) e.getCause();
            }
        }
        long lastAcked = acknowledged.size() + 1; // the start record is event 1
        System.out.printf("disk full: %d events acknowledged before the disk filled, journal %d bytes (%d bytes of "
                + "slack in its last page, where a torn record would have stayed); refused with: %s%n",
                lastAcked, sizeBefore, (4096 - sizeBefore % 4096) % 4096, refused.getMessage());
        assertThat(refused.diskFull()).as(why).isTrue();
        assertThat(refused.getMessage()).as(why)
                .matches("the journal could not be written: the disk is full \\(\\d+ bytes free on "
                        + Pattern.quote(disk.dir().toString()) + "\\); nothing after event "
                        + lastAcked + " \\(NoteAdded at [0-9T:.\\-]+Z\\) was recorded — free space, then retry");
        assertThat(Files.size(file)).as("cut back to the last good record (" + why + ")").isEqualTo(sizeBefore);
        assertThat(lastByte(file)).isEqualTo((byte) '\n');

        for (int retry = 0; retry < 3; retry++) {
            var again = new StringBuilder();
            assertThat(bigNote(session, again)).as("still full: a record bigger than the page slack is refused")
                    .isEmpty();
            assertThat(again.toString()).startsWith("the journal could not be written: the disk is full");
            assertThat(Files.size(file)).isEqualTo(sizeBefore);
        }
        JournalReader.Loaded whileFull = JournalReader.read(file);
        assertThat(whileFull.warnings()).isEmpty();
        assertThat(whileFull.records()).hasSize((int) lastAcked);

        disk.free();
        for (int i = 0; i < 10; i++) {
            acknowledged.add(note(session, random, acknowledged.size()).orElseThrow());
        }
        session.close();

        JournalReader.Loaded loaded = JournalReader.read(file);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.tornTail()).isFalse();
        assertThat(loaded.records()).extracting(JournalRecord::seq).as("no gap, " + why)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, acknowledged.size() + 1)
                        .boxed().toList());
        assertThat(loaded.records().stream().skip(1).map(r -> ((IncidentEvent.NoteAdded) r.data()).text()).toList())
                .as("every acknowledged event, in order").containsExactlyElementsOf(acknowledged);

        IncidentSession resumed = store.resume(session.id());
        assertThat(resumed.state().notes()).containsExactlyElementsOf(acknowledged);
        resumed.close();
        StringBuilder report = new StringBuilder();
        new ReportRenderer().prepare(RecordSource.journal(file)).writeTo(report);
        assertThat(report).contains(acknowledged.get(acknowledged.size() - 1));
        assertThat(store.list()).singleElement().satisfies(s -> {
            assertThat(s.problem()).isNull();
            assertThat(s.events()).isEqualTo(acknowledged.size() + 1);
        });
    }

    private static Optional<String> note(IncidentSession s, Random random, int n) throws Exception {
        String text = "note " + n + " " + "x".repeat(200 + random.nextInt(3000));
        s.record(new IncidentEvent.NoteAdded(text, "jane")).get();
        return Optional.of(text);
    }

    private static Optional<String> bigNote(IncidentSession s, StringBuilder refusal) {
        try {
            String text = "y".repeat(3 * 4096);
            s.record(new IncidentEvent.NoteAdded(text, "jane")).get();
            return Optional.of(text);
        } catch (Exception e) {
            refusal.append(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            return Optional.empty();
        }
    }

    private static byte lastByte(Path file) throws Exception {
        try (var ch = FileChannel.open(file)) {
            var b = ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            return b.get(0);
        }
    }
}
