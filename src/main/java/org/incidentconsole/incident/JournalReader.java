package org.incidentconsole.incident;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a journal, streaming it line by line in bounded memory. A torn or unparsable last line (a crash
 * mid-write) is dropped with a warning; damage anywhere before it (including bad UTF-8 or a line over
 * {@value #MAX_LINE} bytes) stops the load with the line number. Reading never changes the file.
 */
public final class JournalReader {
    /** No record comes near this: command output is excerpted before it is journaled. */
    public static final int MAX_LINE = 16 * 1024 * 1024;

    private JournalReader() {
    }

    /** @param validLength bytes up to the end of the last good record (where appending may continue) */
    public record Loaded(Path file, List<JournalRecord> records, List<String> warnings, long validLength,
                         long fileLength) {
        public boolean tornTail() {
            return validLength < fileLength;
        }
    }

    /** What a streamed read saw, without the records themselves. */
    public record Scan(Path file, long records, long lastSeq, List<String> warnings, long validLength,
                       long fileLength) {
        public boolean tornTail() {
            return validLength < fileLength;
        }

        public boolean empty() {
            return records == 0;
        }
    }

    /** Loads every record into memory: for journals known to be small (a live session, tests). */
    public static Loaded read(Path file) throws JournalException {
        List<JournalRecord> records = new ArrayList<>();
        Scan scan = scan(file, records::add);
        return new Loaded(file, List.copyOf(records), scan.warnings(), scan.validLength(), scan.fileLength());
    }

    /** Hands each good record to {@code each} in order, holding one line at a time. */
    public static Scan scan(Path file, Consumer<JournalRecord> each) throws JournalException {
        return scan(file, each, MAX_LINE);
    }

    static Scan scan(Path file, Consumer<JournalRecord> each, int maxLine) throws JournalException {
        try (InputStream in = Files.newInputStream(file)) {
            return scan(file, new JournalLines(in, maxLine), each);
        } catch (NoSuchFileException e) {
            throw new JournalException(file, 0, "no journal here");
        } catch (AccessDeniedException e) {
            throw new JournalException(file, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw new JournalException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Scan scan(Path file, JournalLines lines, Consumer<JournalRecord> each)
            throws IOException, JournalException {
        List<String> warnings = new ArrayList<>();
        long count = 0;
        long lastSeq = 0;
        long valid = 0;
        long offset = 0;
        JournalLines.Line line;
        while ((line = lines.next()) != null) {
            JournalRecord record = null;
            String problem = line.problem();
            if (!line.complete()) {
                problem = "cut off by a crash while it was written";
            } else if (problem == null) {
                try {
                    record = JournalCodec.parse(line.text());
                    long expected = lastSeq + 1;
                    if (record.seq() != expected) {
                        problem = "sequence " + record.seq() + " where " + expected + " was expected";
                    } else if (record.v() > JournalRecord.SCHEMA_VERSION) {
                        problem = "written by a newer version (schema " + record.v() + ")";
                    }
                } catch (ValueInstantiationException e) {
                    // a value our types refuse (an unknown outcome word): their own sentence, not Jackson's
                    problem = "not a valid record (" + firstLine(e.getCause() == null ? e.getMessage()
                            : e.getCause().getMessage()) + ")";
                } catch (Exception e) {
                    problem = "not a valid record (" + firstLine(e.getMessage()) + ")";
                }
            }
            offset += line.bytes() + (line.complete() ? 1 : 0);
            if (problem != null) {
                if (!lines.atEnd()) {
                    throw new JournalException(file, line.number(), "damaged record: " + problem
                            + "; the journal was left untouched");
                }
                warnings.add("line " + line.number() + " of " + file + " dropped: " + problem + " (" + line.bytes()
                        + " bytes); the events before it are intact");
                break;
            }
            each.accept(record);
            count++;
            lastSeq = record.seq();
            valid = offset;
        }
        return new Scan(file, count, lastSeq, List.copyOf(warnings), valid, lines.bytesRead());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
