package org.incidentconsole.incident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a journal into lines as bytes, in bounded memory: a line longer than the limit is counted, never held.
 * Each line is decoded strictly, so bad UTF-8 is a problem, never a replacement character.
 */
final class JournalLines {
    /** One line: its text (null if too long or not UTF-8), its byte length, and what is wrong with it. */
    record Line(int number, String text, long bytes, boolean complete, String problem) {
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] chunk = new byte[64 * 1024];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[8 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private boolean eof;
    private int number;
    private long bytesRead;

    JournalLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Bytes read so far: after the last line, the file's length. */
    long bytesRead() {
        return bytesRead;
    }

    /** True once nothing follows the line just returned. */
    boolean atEnd() throws IOException {
        return !fill();
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (!fill()) {
            return null;
        }
        number++;
        int length = 0;
        long total = 0;
        boolean complete = false;
        while (fill()) {
            int nl = indexOfNewline();
            int stop = nl < 0 ? chunkEnd : nl;
            int n = stop - chunkPos;
            if (total + n <= maxLine) {
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLine, Math.max(length + n, line.length * 2)));
                }
                System.arraycopy(chunk, chunkPos, line, length, n);
                length += n;
            }
            total += n;
            chunkPos = stop;
            if (nl >= 0) {
                chunkPos++;
                complete = true;
                break;
            }
        }
        if (total > maxLine) {
            return new Line(number, null, total, complete, "longer than " + (maxLine >= 1 << 20 ? (maxLine >> 20)
                    + " MB" : maxLine + " bytes") + " (" + total + " bytes), not loaded");
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (result.isError()) {
            return new Line(number, null, total, complete, "not valid UTF-8 (byte " + (bytes.position() + 1)
                    + " of the line)");
        }
        utf8.flush(chars);
        return new Line(number, chars.flip().toString(), total, complete, null);
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        while (chunkPos >= chunkEnd) {
            if (eof) {
                return false;
            }
            int n = in.read(chunk);
            if (n < 0) {
                eof = true;
                return false;
            }
            chunkPos = 0;
            chunkEnd = n;
            bytesRead += n;
        }
        return true;
    }
}
