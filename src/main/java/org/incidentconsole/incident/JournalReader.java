package org.incidentconsole.incident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a journal. A torn or unparsable last line (a crash mid-write) is dropped with a warning; damage
 * anywhere before it stops the load with the line number. Reading never changes the file.
 */
public final class JournalReader {
    private JournalReader() {
    }

    /** @param validLength bytes up to the end of the last good record (where appending may continue) */
    public record Loaded(Path file, List<JournalRecord> records, List<String> warnings, long validLength,
                         long fileLength) {
        public boolean tornTail() {
            return validLength < fileLength;
        }
    }

    public static Loaded read(Path file) throws JournalException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new JournalException(file, 0, "no journal here");
        } catch (IOException e) {
            throw new JournalException(file, 0, "cannot read: " + e.getMessage());
        }
        List<JournalRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int start = 0;
        int line = 0;
        long valid = 0;
        while (start < bytes.length) {
            line++;
            int end = indexOf(bytes, (byte) '\n', start);
            boolean complete = end >= 0;
            int stop = complete ? end : bytes.length;
            boolean last = !complete || end + 1 >= bytes.length;
            String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            JournalRecord record = null;
            String problem = null;
            if (!complete) {
                problem = "cut off by a crash while it was written";
            } else {
                try {
                    record = JournalCodec.parse(text);
                    long expected = records.isEmpty() ? 1 : records.get(records.size() - 1).seq() + 1;
                    if (record.seq() != expected) {
                        problem = "sequence " + record.seq() + " where " + expected + " was expected";
                    } else if (record.v() > JournalRecord.SCHEMA_VERSION) {
                        problem = "written by a newer version (schema " + record.v() + ")";
                    }
                } catch (Exception e) {
                    problem = "not a valid record (" + firstLine(e.getMessage()) + ")";
                }
            }
            if (problem != null) {
                if (!last) {
                    throw new JournalException(file, line, "damaged record: " + problem
                            + "; the journal was left untouched");
                }
                warnings.add("line " + line + " of " + file + " dropped: " + problem + " (" + (stop - start)
                        + " bytes); the events before it are intact");
                break;
            }
            records.add(record);
            valid = stop + 1L;
            start = stop + 1;
        }
        return new Loaded(file, List.copyOf(records), List.copyOf(warnings), valid, bytes.length);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
