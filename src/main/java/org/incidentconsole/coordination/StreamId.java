package org.incidentconsole.coordination;

/** A Redis stream entry id ({@code <ms>-<seq>}), ordered as the stream orders it. */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {
    public static final StreamId ZERO = new StreamId(0, 0);

    /** Parses {@code 1700000000000-3}; a bare number is sequence 0 of that millisecond. */
    public static StreamId parse(String text) {
        int dash = text.indexOf('-');
        try {
            return dash < 0 ? new StreamId(Long.parseLong(text), 0)
                    : new StreamId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: " + text, e);
        }
    }

    @Override
    public int compareTo(StreamId o) {
        int byMs = Long.compareUnsigned(ms, o.ms);
        return byMs != 0 ? byMs : Long.compareUnsigned(seq, o.seq);
    }

    @Override
    public String toString() {
        return ms + "-" + seq;
    }
}
