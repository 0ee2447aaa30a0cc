package org.incidentconsole.incident;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps the first and last lines of a command's output for the journal, counting what is left out. */
final class OutputExcerpt {
    private static final int HEAD = 100;
    private static final int TAIL = 400;
    private static final int MAX_LINE = 2000;

    private final List<String> head = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private long omitted;

    synchronized void add(String stream, String line) {
        String entry = (stream.isEmpty() ? "" : stream) + (line.length() > MAX_LINE
                ? line.substring(0, MAX_LINE) + " …(" + (line.length() - MAX_LINE) + " more characters)" : line);
        if (head.size() < HEAD) {
            head.add(entry);
            return;
        }
        tail.addLast(entry);
        if (tail.size() > TAIL) {
            tail.removeFirst();
            omitted++;
        }
    }

    synchronized String text() {
        List<String> lines = new ArrayList<>(head);
        if (omitted > 0) {
            lines.add("… " + omitted + " lines left out …");
        }
        lines.addAll(tail);
        return String.join("\n", lines);
    }
}
