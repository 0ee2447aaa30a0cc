package org.incidentconsole.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one output stream of a command that may ask for input: text in chunks, complete lines to the sink (a
 * terminal's trailing CR dropped; with sudo, its verdicts read and its password masked), and sudo's prompts —
 * which end no line — answered on the command's input, in the order they came (a "Sorry, try again." is read
 * before the prompt after it).
 */
final class AnsweringReader {
    interface Sink {
        void line(StreamKind kind, String line);
    }

    private final StreamKind kind;
    private final SudoResponder sudo;
    private final OutputStream input;
    private final Object inputLock;
    private final Sink sink;

    /** @param sudo null for a terminal without sudo: lines only */
    AnsweringReader(StreamKind kind, SudoResponder sudo, OutputStream input, Object inputLock, Sink sink) {
        this.kind = kind;
        this.sudo = sudo;
        this.input = input;
        this.inputLock = inputLock;
        this.sink = sink;
    }

    /** Reads to the end of the stream; false when a prompt got no answer (the operator gave no password). */
    boolean read(InputStream in) throws IOException {
        StringBuilder pending = new StringBuilder();
        char[] buffer = new char[4096];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                pending.append(buffer, 0, n);
                if (!drain(pending)) {
                    return false;
                }
            }
            if (!pending.isEmpty()) {
                emit(pending.toString());
            }
            return true;
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }

    private boolean drain(StringBuilder pending) throws IOException {
        while (true) {
            int newline = pending.indexOf("\n");
            int[] prompt = sudo == null ? null : sudo.findPrompt(pending.toString());
            if (prompt != null && (newline < 0 || prompt[0] < newline)) {
                pending.delete(prompt[0], prompt[1]);
                if (!answer()) {
                    return false;
                }
            } else if (newline >= 0) {
                String line = pending.substring(0, newline);
                pending.delete(0, newline + 1);
                emit(line);
            } else {
                return true;
            }
        }
    }

    private boolean answer() throws IOException {
        byte[] answer = sudo.answer();
        if (answer == null) {
            return false;
        }
        try {
            synchronized (inputLock) {
                input.write(answer);
                input.flush();
            }
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
        return true;
    }

    private void emit(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        sink.line(kind, sudo == null ? text : sudo.line(text));
    }
}
