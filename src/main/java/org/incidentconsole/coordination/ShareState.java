package org.incidentconsole.coordination;

/**
 * How this console's share of the timeline stands: online (nothing or little waiting) or offline with
 * {@code waiting} events queued in memory, sent in order when the coordination Redis is back.
 *
 * @param problem      why it is offline (one sentence), null when online
 * @param acknowledged this console's events the stream holds, as far as the last check knows
 */
public record ShareState(boolean online, int waiting, String problem, int acknowledged) {
    /** The bar's words: "shared timeline offline, 3 events waiting". */
    public String describe() {
        if (online) {
            return waiting == 0 ? "shared timeline online" : "shared timeline online, sending " + waiting
                    + (waiting == 1 ? " event" : " events");
        }
        return "shared timeline offline, " + waiting + (waiting == 1 ? " event" : " events") + " waiting";
    }
}
