package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of the shared timeline on disk: appended per batch, read back, torn lines reported. */
class SharedCopyTest {
    @TempDir
    Path dir;

    static SharedEvent event(String console, long seq, long streamMs, String text) {
        StreamId id = new StreamId(streamMs, 0);
        JournalRecord r = new JournalRecord(seq, Instant.parse("2026-11-24T14:02:11Z").plusSeconds(streamMs),
                JournalRecord.SCHEMA_VERSION, new IncidentEvent.NoteAdded(text, console + "-op"));
        return new SharedEvent(SharedEvent.eid(console, seq), console, console + "-op", r.ts(), id, id, r);
    }

    @Test
    void events_appended_are_read_back_each_once_with_the_stream_id_to_resume_after() throws Exception {
        Path incident = dir.resolve("INC-1");
        SharedEvent a1 = event("a", 1, 100, "first");
        SharedEvent b1 = event("b", 1, 101, "same seq, other console");
        SharedEvent a2 = event("a", 2, 102, "second");
        try (SharedCopy copy = SharedCopy.open(incident)) {
            assertThat(copy.append(List.of(a1, b1))).isEqualTo(2);
            assertThat(copy.append(List.of(b1, a2, a2))).as("each eid once").isEqualTo(1);
            assertThat(copy.lastStreamId()).isEqualTo(new StreamId(102, 0));
        }
        assertThat(Files.getPosixFilePermissions(SharedCopy.file(incident)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(SharedCopy.file(incident))).hasSize(3);
        try (SharedCopy again = SharedCopy.open(incident)) {
            assertThat(again.events()).containsExactly(a1, b1, a2);
            assertThat(again.eids()).containsExactlyInAnyOrder("a#1", "b#1", "a#2");
            assertThat(again.lastStreamId()).isEqualTo(new StreamId(102, 0));
            assertThat(again.warnings()).isEmpty();
        }
    }

    @Test
    void a_re_published_event_keeps_its_first_position_on_disk() throws Exception {
        Path incident = dir.resolve("INC-2");
        SharedEvent moved = new SharedEvent("a#1", "a", "Jana", Instant.parse("2026-11-24T14:02:11Z"),
                new StreamId(500, 3), new StreamId(100, 0), event("a", 1, 100, "again").record());
        try (SharedCopy copy = SharedCopy.open(incident)) {
            copy.append(List.of(moved, event("b", 1, 200, "between")));
        }
        List<SharedEvent> read = SharedCopy.read(incident).events();
        assertThat(read.get(0)).isEqualTo(moved);
        assertThat(SharedCopy.read(incident).resumeAfter()).isEqualTo(new StreamId(500, 3));
    }

    @Test
    void a_torn_last_line_is_reported_and_cut_off_and_the_rest_kept() throws Exception {
        Path incident = dir.resolve("INC-3");
        try (SharedCopy copy = SharedCopy.open(incident)) {
            copy.append(List.of(event("a", 1, 100, "kept"), event("b", 1, 101, "kept too")));
        }
        Path file = SharedCopy.file(incident);
        long whole = Files.size(file);
        Files.writeString(file, "{\"id\":\"102-0\",\"eid\":\"a#2\",\"jso", StandardOpenOption.APPEND);

        SharedCopyFile.Loaded peek = SharedCopy.read(incident);
        assertThat(peek.events()).hasSize(2);
        assertThat(peek.warnings()).singleElement().asString()
                .startsWith("line 3 of " + file + " dropped: cut off by a crash while it was written");
        assertThat(Files.size(file)).as("reading changes nothing").isGreaterThan(whole);

        try (SharedCopy copy = SharedCopy.open(incident)) {
            assertThat(copy.warnings()).isEqualTo(peek.warnings());
            assertThat(copy.events()).extracting(SharedEvent::eid).containsExactly("a#1", "b#1");
            assertThat(copy.lastStreamId()).as("the torn event is read from the stream again")
                    .isEqualTo(new StreamId(101, 0));
            assertThat(Files.size(file)).isEqualTo(whole);
            copy.append(List.of(event("a", 2, 102, "read again")));
        }
        assertThat(SharedCopy.read(incident).events()).extracting(SharedEvent::eid)
                .containsExactly("a#1", "b#1", "a#2");
    }

    @Test
    void a_damaged_line_before_the_end_is_skipped_and_the_stream_is_read_again_from_its_start() throws Exception {
        Path incident = dir.resolve("INC-4");
        try (SharedCopy copy = SharedCopy.open(incident)) {
            copy.append(List.of(event("a", 1, 100, "one"), event("a", 2, 101, "two"), event("a", 3, 102, "three")));
        }
        Path file = SharedCopy.file(incident);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, List.of(lines.get(0), "{not json", lines.get(2)));

        try (SharedCopy copy = SharedCopy.open(incident)) {
            assertThat(copy.events()).extracting(SharedEvent::eid).containsExactly("a#1", "a#3");
            assertThat(copy.warnings()).singleElement().asString().startsWith("line 2 of " + file + " skipped: ")
                    .endsWith("the shared timeline is read again from its start to fill the gap");
            assertThat(copy.lastStreamId()).isEqualTo(StreamId.ZERO);
        }
    }

    @Test
    void an_incident_without_a_copy_is_not_shared_and_reads_as_empty() throws Exception {
        Path incident = Files.createDirectories(dir.resolve("INC-5"));
        assertThat(SharedCopy.exists(incident)).isFalse();
        assertThat(SharedCopy.read(incident).events()).isEmpty();
        SharedCopy.open(incident).close();
        assertThat(SharedCopy.exists(incident)).isTrue();
    }
}
