package org.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How the operator (or the unattended walk) marked a manual step; journaled as its word ("done"). */
public enum ManualMark {
    DONE("done"),
    SKIPPED("skipped"),
    /** passed by the unattended walk: nobody was there to do it */
    SKIPPED_UNATTENDED("skipped-unattended");

    private final String word;

    ManualMark(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    /** Reads a journaled word; anything else is refused in one sentence (the reader adds the file and line). */
    @JsonCreator
    public static ManualMark journaled(String word) {
        for (ManualMark m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown manual step mark \"" + word + "\" (known: "
                + Arrays.stream(values()).map(ManualMark::word).collect(Collectors.joining(", ")) + ")");
    }

    /** The journal's word, as the timeline and messages show it. */
    @Override
    public String toString() {
        return word;
    }
}
