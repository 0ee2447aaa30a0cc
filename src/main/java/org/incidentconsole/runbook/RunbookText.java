package org.incidentconsole.runbook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a file's bytes into text: UTF-8 only, BOM dropped, binary refused (line endings: see the parser). */
final class RunbookText {
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private RunbookText() {
    }

    static String decode(String source, byte[] bytes) throws RunbookException {
        if (bytes.length > MAX_BYTES) {
            throw new RunbookException(source, 1, "file too large for a runbook (" + bytes.length / (1024 * 1024)
                    + " MB; at most " + MAX_BYTES / (1024 * 1024) + " MB)");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new RunbookException(source, lineAt(bytes, in.position()),
                    "not UTF-8 text (invalid byte 0x" + Integer.toHexString(bytes[in.position()] & 0xff)
                            + "): not a markdown runbook");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw new RunbookException(source, lineOf(text, i), "binary content (control character 0x"
                        + Integer.toHexString(c) + "): not a markdown runbook");
            }
        }
        return text;
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
