package org.incidentconsole.ui.trend;

import java.time.Duration;
import java.util.Locale;

/** The words beside a sparkline (its tooltip): the latest value, the range seen, and over how long. */
public final class TrendText {
    private TrendText() {
    }

    public static String of(String what, TrendSeries s, String unit) {
        if (s.isEmpty()) {
            return what + ": no numbers yet";
        }
        double[] r = s.range();
        String u = unit == null || unit.isEmpty() ? "" : unit.equals("%") ? "%" : " " + unit;
        return what + ": now " + number(s.latest()) + u + " · lowest " + number(r[0]) + u + ", highest "
                + number(r[1]) + u + " over " + span(Duration.between(s.from(), s.to()));
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String span(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
