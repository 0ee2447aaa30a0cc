package org.incidentconsole.coordination;

/** A stream entry that is not an event this console can read: skipped with this sentence in the log. */
public final class UnreadableEntryException extends Exception {
    public UnreadableEntryException(StreamId id, String why) {
        super("shared timeline entry " + id + " skipped: " + why);
    }
}
