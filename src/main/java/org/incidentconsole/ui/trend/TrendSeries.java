package org.incidentconsole.ui.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One value over time in a fixed number of buckets (min, max and last value of each), so it covers the whole
 * incident in bounded memory: when a point falls past the last bucket, neighbouring buckets are merged in pairs
 * and the bucket width doubles. Not thread-safe: the view models touch it on the FX thread only.
 */
public final class TrendSeries {
    private final int capacity;
    private final double[] min;
    private final double[] max;
    private final double[] last;
    private final boolean[] used;
    private long width;
    private long origin;
    private int size;

    /** @param capacity buckets kept at most; @param width the first bucket width */
    public TrendSeries(int capacity, Duration width) {
        if (capacity < 2 || width.isZero() || width.isNegative()) {
            throw new IllegalArgumentException("a trend needs at least 2 buckets of a positive width");
        }
        this.capacity = capacity;
        this.width = width.toMillis();
        this.min = new double[capacity];
        this.max = new double[capacity];
        this.last = new double[capacity];
        this.used = new boolean[capacity];
    }

    public void add(Instant at, double value) {
        long t = at.toEpochMilli();
        if (size == 0) {
            origin = t - Math.floorMod(t, width);
        }
        long index = Math.max(0, Math.floorDiv(t - origin, width));
        while (index >= capacity) {
            halve();
            index = Math.max(0, Math.floorDiv(t - origin, width));
        }
        int i = (int) index;
        if (!used[i]) {
            min[i] = value;
            max[i] = value;
            used[i] = true;
        } else {
            min[i] = Math.min(min[i], value);
            max[i] = Math.max(max[i], value);
        }
        if (i >= size - 1) { // points come in time order; a late one only widens its bucket's min and max
            last[i] = value;
        }
        size = Math.max(size, i + 1);
    }

    /** Buckets 2k and 2k+1 become bucket k; the width doubles (the origin stays, so times keep their bucket). */
    private void halve() {
        for (int k = 0; k < capacity / 2; k++) {
            merge(k, 2 * k, 2 * k + 1);
        }
        for (int k = capacity / 2; k < capacity; k++) {
            used[k] = false;
        }
        width *= 2;
        size = (size + 1) / 2;
    }

    private void merge(int into, int a, int b) {
        boolean ua = used[a];
        boolean ub = b < capacity && used[b];
        if (ua && ub) {
            min[into] = Math.min(min[a], min[b]);
            max[into] = Math.max(max[a], max[b]);
            last[into] = last[b];
        } else if (ua || ub) {
            int from = ua ? a : b;
            min[into] = min[from];
            max[into] = max[from];
            last[into] = last[from];
        }
        used[into] = ua || ub;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Buckets from the first to the latest one, gaps included. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public Duration width() {
        return Duration.ofMillis(width);
    }

    public boolean has(int bucket) {
        return used[bucket];
    }

    public double min(int bucket) {
        return min[bucket];
    }

    public double max(int bucket) {
        return max[bucket];
    }

    public double last(int bucket) {
        return last[bucket];
    }

    public Instant start(int bucket) {
        return Instant.ofEpochMilli(origin + bucket * width);
    }

    /** Where the drawn range begins and ends: the first bucket's start and the latest bucket's end. */
    public Instant from() {
        return Instant.ofEpochMilli(origin);
    }

    public Instant to() {
        return Instant.ofEpochMilli(origin + size * width);
    }

    /** The lowest min and highest max over the kept buckets ({@code [0, 0]} when empty). */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (used[i]) {
                lo = Math.min(lo, min[i]);
                hi = Math.max(hi, max[i]);
            }
        }
        return size == 0 ? new double[] {0, 0} : new double[] {lo, hi};
    }

    /** The latest value, NaN when empty. */
    public double latest() {
        for (int i = size - 1; i >= 0; i--) {
            if (used[i]) {
                return last[i];
            }
        }
        return Double.NaN;
    }

    @Override
    public String toString() {
        return "TrendSeries" + Arrays.toString(Arrays.copyOf(max, size));
    }
}
