package org.incidentconsole.coordination;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of a {@link SharedCopy}: each one the stream entry's fields ({@code eid}, {@code console},
 * {@code operator}, {@code ts}, {@code json}, {@code pos}) and its stream id ({@code id}), as one JSON object.
 */
public final class SharedCopyFile {
    static final String ID = "id";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private SharedCopyFile() {
    }

    /**
     * What a copy holds.
     *
     * @param events      each eid once, in file order
     * @param warnings    one sentence per line dropped or skipped
     * @param resumeAfter the stream id to follow after: the last one held, or {@link StreamId#ZERO} when a
     *                    damaged line before the end means an event may be missing (read the stream again)
     * @param validLength bytes up to the end of the last whole line
     */
    public record Loaded(Path file, List<SharedEvent> events, List<String> warnings, StreamId resumeAfter,
                         long validLength, long fileLength) {
        public boolean tornTail() {
            return validLength < fileLength;
        }
    }

    static String line(SharedEvent e) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, e.streamId().toString());
        fields.putAll(StreamEntries.fields(e.console(), e.operator(), e.record(),
                e.position().equals(e.streamId()) ? null : e.position()));
        fields.put(StreamEntries.EID, e.eid()); // as received
        fields.put(StreamEntries.TS, e.ts().toString());
        return CoordinationJson.write(fields);
    }

    static Loaded read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(file, List.of(), List.of(), StreamId.ZERO, 0, 0);
        } catch (AccessDeniedException e) {
            throw new IOException(file + " cannot be read: permission denied", e);
        }
        List<SharedEvent> events = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> eids = new HashSet<>();
        StreamId last = StreamId.ZERO;
        boolean gap = false;
        long valid = 0;
        int number = 0;
        for (int start = 0; start < bytes.length; ) {
            number++;
            int lineStart = start;
            int nl = indexOf(bytes, start);
            boolean complete = nl >= 0;
            int end = complete ? nl : bytes.length;
            String problem;
            SharedEvent event = null;
            if (!complete) {
                problem = "cut off by a crash while it was written";
            } else {
                try {
                    event = parse(bytes, start, end);
                    problem = null;
                } catch (UnreadableEntryException | IllegalArgumentException e) {
                    problem = "not a shared event (" + e.getMessage() + ")";
                }
            }
            start = complete ? nl + 1 : bytes.length;
            if (problem != null) {
                boolean atEnd = start >= bytes.length;
                if (atEnd) {
                    warnings.add("line " + number + " of " + file + " dropped: " + problem + " (" + (end - lineStart)
                            + " bytes); the events before it are intact and "
                            + "the stream is read again after them");
                    break;
                }
                gap = true;
                warnings.add("line " + number + " of " + file + " skipped: " + problem + "; the shared timeline "
                        + "is read again from its start to fill the gap");
                valid = start;
                continue;
            }
            valid = start;
            if (eids.add(event.eid())) {
                events.add(event);
            }
            if (event.streamId().compareTo(last) > 0) {
                last = event.streamId();
            }
        }
        return new Loaded(file, List.copyOf(events), List.copyOf(warnings), gap ? StreamId.ZERO : last, valid,
                bytes.length);
    }

    private static SharedEvent parse(byte[] bytes, int from, int to) throws UnreadableEntryException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8", e);
        }
        Map<String, String> fields = CoordinationJson.read(text, FIELDS);
        if (fields == null || fields.get(ID) == null) {
            throw new IllegalArgumentException("not a JSON object with a stream id");
        }
        return StreamEntries.read(StreamId.parse(fields.get(ID)), fields);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
