package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streaming reads: damage is found with its line number, never accepted silently, and never hides others. */
class JournalReaderTest {
    private static final int LIMIT = 64 * 1024;

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T07:10:00Z"), ZoneOffset.UTC);

    /** A journal of four notes (lines 1-5), with line {@code at} replaced by {@code bad}. */
    private Path journalWith(int at, byte[] bad) throws Exception {
        IncidentSession s = new IncidentStore(dir, clock).start("Reader", "x", Severity.P2, "drill", "jane", null,
                "UTC");
        for (int i = 1; i <= 4; i++) {
            s.record(new IncidentEvent.NoteAdded("note " + i + " – ok", "jane")).get();
        }
        s.close();
        List<String> lines = Files.readAllLines(s.journalFile());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1; n <= lines.size(); n++) {
            out.write(n == at ? bad : lines.get(n - 1).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        Files.write(s.journalFile(), out.toByteArray());
        return s.journalFile();
    }

    private static byte[] badUtf8Note() {
        byte[] text = "{\"seq\":3,\"ts\":\"2026-11-24T07:10:00Z\",\"v\":1,\"type\":\"note\",\"data\":{\"text\":\"caf_\",\"by\":\"j\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = new String(text, StandardCharsets.ISO_8859_1).indexOf('_');
        text[at] = (byte) 0xE9; // Latin-1 é: not UTF-8
        return text;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bad UTF-8,          not valid UTF-8 (byte",
        "over-long line,     longer than 65536 bytes (65537 bytes)",
    })
    void damage_in_the_middle_stops_the_load_with_its_line_number(String kind, String problem) throws Exception {
        byte[] bad = kind.equals("bad UTF-8") ? badUtf8Note() : "x".repeat(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        Path file = journalWith(3, bad);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> JournalReader.scan(file, r -> { }, LIMIT)).isInstanceOf(JournalException.class)
                .hasMessageStartingWith(file + ":3: damaged record: " + problem);
        assertThat(Files.readAllBytes(file)).as("reading never changes the file").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bad UTF-8,          not valid UTF-8 (byte",
        "over-long line,     longer than 65536 bytes (65537 bytes)",
    })
    void damage_on_the_last_line_is_dropped_with_a_warning_naming_the_line(String kind, String problem)
            throws Exception {
        byte[] bad = kind.equals("bad UTF-8") ? badUtf8Note() : "x".repeat(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        Path file = journalWith(5, bad);
        List<JournalRecord> seen = new ArrayList<>();

        JournalReader.Scan scan = JournalReader.scan(file, seen::add, LIMIT);

        assertThat(seen).extracting(JournalRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(scan.warnings()).singleElement().asString().startsWith("line 5 of " + file + " dropped: " + problem);
        assertThat(scan.tornTail()).isTrue();
    }

    @Test
    void the_valid_length_ends_on_the_last_good_record() throws Exception {
        Path file = journalWith(5, "{\"seq\":5,".getBytes(StandardCharsets.UTF_8));
        JournalReader.Scan scan = JournalReader.scan(file, r -> { });
        byte[] all = Files.readAllBytes(file);
        assertThat(scan.fileLength()).isEqualTo(all.length);
        assertThat(all[(int) scan.validLength() - 1]).isEqualTo((byte) '\n');
        assertThat(new String(all, (int) scan.validLength(), all.length - (int) scan.validLength(),
                StandardCharsets.UTF_8)).isEqualTo("{\"seq\":5,\n");
        assertThat(scan.records()).isEqualTo(4);
        assertThat(scan.lastSeq()).isEqualTo(4);
    }

    @Test
    void a_listing_shows_every_incident_with_what_is_wrong_with_it() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        IncidentSession good = store.start("Good", "x", Severity.P1, "drill", "jane", null, "UTC");
        good.close();
        Path empty = Files.createDirectories(dir.resolve("INC-20261124-071001-0001")).resolve(Journal.FILE_NAME);
        Files.createFile(empty);
        Path damaged = Files.createDirectories(dir.resolve("INC-20261124-071002-0002")).resolve(Journal.FILE_NAME);
        Files.write(damaged, new byte[] {'{', '\n', '{', '\n'});
        Path folder = Files.createDirectories(dir.resolve("INC-20261124-071003-0003").resolve(Journal.FILE_NAME));
        Path latin1 = Files.createDirectories(dir.resolve("INC-20261124-071004-0004")).resolve(Journal.FILE_NAME);
        Files.write(latin1, (new String(badUtf8Note(), StandardCharsets.ISO_8859_1).replace("\"seq\":3", "\"seq\":1")
                + "\n" + Files.readString(good.journalFile()).replace("\"seq\":1", "\"seq\":2"))
                .getBytes(StandardCharsets.ISO_8859_1));

        var list = store.list();

        assertThat(list).extracting(IncidentStore.Summary::id).containsExactly("INC-20261124-071004-0004",
                "INC-20261124-071003-0003", "INC-20261124-071002-0002", "INC-20261124-071001-0001", good.id());
        assertThat(list.get(0).problem()).isEqualTo(latin1 + ":1: damaged record: not valid UTF-8 (byte 77 of the "
                + "line); the journal was left untouched");
        assertThat(list.get(1).problem()).startsWith(folder + ":0: cannot read: ");
        assertThat(list.get(2).problem()).startsWith(damaged + ":1: damaged record: not a valid record");
        assertThat(list.get(3).problem()).isEqualTo("empty journal: " + empty);
        assertThat(list.get(4).problem()).isNull();
        assertThat(list.get(4).title()).isEqualTo("Good");
        assertThat(store.unfinished()).hasSize(5);
    }
}
