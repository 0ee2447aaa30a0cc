package org.incidentconsole.ui.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sparkline's parts go in a w × h box, without the toolkit: the last value of each bucket as a line, each
 * bucket's min..max as a bar, marks as x positions, and for a state band the level of each bucket as a segment.
 * The time axis runs from the series' first bucket to its latest; values from zero (or the lowest min, when
 * below zero) to the highest max, or a fixed range: a steady 100 % error rate reads high, not flat at the bottom.
 */
public record SparkGeometry(List<double[]> line, List<double[]> bars, List<Mark> marks, List<Band> bands) {
    public record Mark(double x, TrendMarkers.Kind kind) {
    }

    /** {@code level}: the highest state level in the segment (0 closed, 1 half-open, 2 open). */
    public record Band(double x0, double x1, int level) {
    }

    public static SparkGeometry of(TrendSeries s, List<TrendMarkers.Marker> markers, double w, double h,
                                   double[] fixedRange, boolean band) {
        List<double[]> line = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        if (s.isEmpty() || w <= 0 || h <= 0) {
            return new SparkGeometry(line, bars, marks, bands);
        }
        double[] range = fixedRange != null ? fixedRange : s.range();
        double lo = fixedRange != null ? range[0] : Math.min(0, range[0]);
        double hi = range[1] - lo < 1e-9 ? lo + 1 : range[1];
        int n = s.size();
        double step = w / n;
        double held = Double.NaN;
        for (int i = 0; i < n; i++) {
            double x0 = i * step;
            if (s.has(i)) {
                held = s.last(i);
                double yMin = y(s.min(i), lo, hi, h);
                double yMax = y(s.max(i), lo, hi, h);
                if (yMin - yMax >= 1) {
                    bars.add(new double[] {x0 + step / 2, yMax, yMin});
                }
            }
            if (!Double.isNaN(held)) {
                line.add(new double[] {x0 + step / 2, y(held, lo, hi, h)});
                if (band) {
                    int level = (int) Math.round(s.has(i) ? s.max(i) : held);
                    if (!bands.isEmpty() && bands.get(bands.size() - 1).level() == level) {
                        bands.set(bands.size() - 1, new Band(bands.get(bands.size() - 1).x0(), x0 + step, level));
                    } else {
                        bands.add(new Band(x0, x0 + step, level));
                    }
                }
            }
        }
        Instant from = s.from();
        double span = Math.max(1, s.to().toEpochMilli() - from.toEpochMilli());
        for (TrendMarkers.Marker m : markers) {
            double x = (m.at().toEpochMilli() - from.toEpochMilli()) / span * w;
            if (x >= 0 && x <= w) {
                marks.add(new Mark(x, m.kind()));
            }
        }
        return new SparkGeometry(line, bars, marks, bands);
    }

    /** Top is high: a value at the top of the range is y = 1, at the bottom y = h − 1 (the stroke stays inside). */
    static double y(double v, double lo, double hi, double h) {
        double f = (v - lo) / (hi - lo);
        return 1 + (1 - Math.max(0, Math.min(1, f))) * (h - 2);
    }
}
