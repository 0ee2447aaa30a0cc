package org.incidentconsole.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One mermaid {@code xychart-beta} block: a title, the time labels, a y-axis unit and one line per series. */
final class TrendChart {
    record Series(String name, double[] values) {
    }

    private TrendChart() {
    }

    static String mermaid(String title, List<String> labels, String yAxis, Double yMax, List<Series> series) {
        StringBuilder md = new StringBuilder("```mermaid\nxychart-beta\n");
        md.append("    title \"").append(quoted(title)).append("\"\n");
        md.append("    x-axis [").append(labels.stream().map(l -> "\"" + quoted(l) + "\"")
                .collect(Collectors.joining(", "))).append("]\n");
        double max = yMax != null ? yMax : series.stream().flatMapToDouble(s -> Arrays.stream(s.values()))
                .max().orElse(1);
        md.append("    y-axis \"").append(quoted(yAxis)).append("\" 0 --> ").append(number(niceTop(max))).append('\n');
        for (Series s : series) {
            md.append("    line [").append(Arrays.stream(s.values()).mapToObj(TrendChart::number)
                    .collect(Collectors.joining(", "))).append("]\n");
        }
        return md.append("```\n").toString();
    }

    /** A round number at or above the highest value, so the lines do not touch the top. */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= max) {
                return m * step;
            }
        }
        return 10 * step;
    }

    /** At most one decimal, no trailing ".0", the same on every machine. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String quoted(String s) {
        return s == null ? "" : s.replace('"', '\'').replace('\n', ' ');
    }
}
