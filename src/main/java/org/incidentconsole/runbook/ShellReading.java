package org.incidentconsole.runbook;

import java.util.List;

/**
 * What the placeholder rules ask of a script: the quoting context of a place, the simple command around it, and
 * whether it sits in a {@code [[ … ]]} test. The seam between those rules and the shell reader behind it: today
 * {@link ScannedShell} (a linear scan over {@link ShellContexts}); a full shell parse can take its place.
 */
interface ShellReading {
    /** One word of a simple command as written (quotes kept), from {@code start} to {@code end} in the script. */
    record Word(String text, int start, int end) {
        /** The word with one layer of quotes taken off: {@code "prod"} → {@code prod}. */
        String unquoted() {
            if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                    && text.charAt(text.length() - 1) == text.charAt(0)) {
                return text.substring(1, text.length() - 1);
            }
            return text;
        }
    }

    /** A simple command's words (assignments, wrappers and redirections included) and where it spans. */
    record Command(List<Word> words, int start, int end) {
        public Command {
            words = List.copyOf(words);
        }

        /** The word that holds {@code offset}, or null. */
        Word wordAt(int offset) {
            int i = indexAt(offset);
            return i < 0 ? null : words.get(i);
        }

        /** The index of the word that holds {@code offset}, or -1. */
        int indexAt(int offset) {
            int lo = 0;
            int hi = words.size() - 1;
            while (lo <= hi) { // words are in order and never overlap
                int mid = (lo + hi) >>> 1;
                Word w = words.get(mid);
                if (offset < w.start()) {
                    hi = mid - 1;
                } else if (offset >= w.end()) {
                    lo = mid + 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        /** The program run: the first word after assignments, redirections and wrappers ({@code sudo -u x}, {@code env}), without its path. */
        String program() {
            int i = programIndex();
            if (i < 0) {
                return "";
            }
            String w = words.get(i).unquoted();
            return w.substring(w.lastIndexOf('/') + 1);
        }

        /** Index of the program's word, or -1. */
        int programIndex() {
            boolean wrapped = false;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i).text();
                if (PlaceholderRules.ASSIGNMENT_OR_REDIRECTION.matcher(w).matches() || wrapped && w.startsWith("-")) {
                    continue;
                }
                if (PlaceholderRules.WRAPPERS.contains(w.substring(w.lastIndexOf('/') + 1))) {
                    wrapped = true;
                    continue;
                }
                return i;
            }
            return -1;
        }
    }

    ShellContexts.Context contextAt(int offset);

    /** The innermost simple command holding {@code offset} (a {@code $(…)} inside one is its own), or null. */
    Command commandAt(int offset);

    /** For a place in a here-document body: the command that reads the document; else null. */
    Command heredocReader(int offset);

    /** The here-document body holding {@code offset} as [start, end), or null. */
    int[] heredocBody(int offset);

    /** Whether {@code offset} lies between {@code [[} and {@code ]]}. */
    boolean inTest(int offset);

    static ShellReading of(String script) {
        return ScannedShell.scan(script);
    }
}
