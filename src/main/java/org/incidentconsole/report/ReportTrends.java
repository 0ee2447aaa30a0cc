package org.incidentconsole.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalRecord;

/**
 * The report's "Trends" section: one mermaid chart per health check (a line per host: the highest sample in each
 * column, held until the next sample) and one for the breakers' states and failures (from breaker-transition
 * events; before its first one a breaker is drawn in that event's "from" state, or as first seen). The rollback's column is marked in its label; the columns in which
 * steps ran are named below each chart. Memory is bounded by the columns, not by the journal's length.
 */
final class ReportTrends {
    /** Lines per chart at most: the ones that reached the highest values. */
    static final int MAX_LINES = 8;
    static final String ROLLBACK_MARK = " ⟲";
    private static final Map<String, Double> STATE_LEVEL = Map.of("CLOSED", 0.0, "HALF_OPEN", 1.0, "OPEN", 2.0);

    private final TrendColumns columns;
    private final Instant rolledBackAt;
    /** check → unit, and host → highest value per column (NaN: no sample). */
    private final Map<String, String> units = new TreeMap<>();
    private final Map<String, Map<String, double[]>> checks = new TreeMap<>();
    private final Map<String, double[]> breakerStates = new TreeMap<>();
    private final Map<String, double[]> breakerFailures = new TreeMap<>();
    /** A breaker's level before its first transition: its {@code from} (null: it was already as first seen). */
    private final Map<String, Double> breakerBefore = new TreeMap<>();
    private final Set<Integer> stepColumns = new TreeSet<>();

    ReportTrends(Instant from, Instant to, Instant rolledBackAt) {
        this.columns = new TrendColumns(from, to);
        this.rolledBackAt = rolledBackAt;
    }

    void accept(JournalRecord r) {
        int col = columns.of(r.ts());
        if (r.data() instanceof IncidentEvent.HealthSample s) {
            units.putIfAbsent(s.check(), s.unit() == null ? "" : s.unit());
            worst(checks.computeIfAbsent(s.check(), k -> new TreeMap<>()), s.host(), col, s.value());
        } else if (r.data() instanceof IncidentEvent.BreakerTransition b) {
            String name = b.service() == null ? b.key() : b.service();
            Double level = STATE_LEVEL.get(b.to());
            if (!breakerBefore.containsKey(name)) {
                Double from = b.from() == null ? level : STATE_LEVEL.get(b.from());
                breakerBefore.put(name, from == null ? Double.NaN : from);
            }
            if (level != null) {
                worst(breakerStates, name, col, level);
            }
            if (b.failures() != null) {
                worst(breakerFailures, name, col, b.failures());
            }
        } else if (r.data() instanceof IncidentEvent.StepStarted) {
            stepColumns.add(col);
        }
    }

    private void worst(Map<String, double[]> series, String name, int col, double value) {
        double[] values = series.computeIfAbsent(name, k -> {
            double[] a = new double[columns.count()];
            Arrays.fill(a, Double.NaN);
            return a;
        });
        values[col] = Double.isNaN(values[col]) ? value : Math.max(values[col], value);
    }

    boolean isEmpty() {
        return checks.isEmpty() && breakerStates.isEmpty();
    }

    void writeTo(StringBuilder md) {
        md.append("## Trends\n\n");
        if (isEmpty()) {
            md.append("No health samples or breaker changes recorded.\n\n");
            return;
        }
        List<String> labels = labels();
        md.append("Times in UTC, one column per ").append(ReportTimes.duration(columns.width()))
                .append("; each line shows the highest value in a column.")
                .append(rolledBackAt == null ? "" : " ⟲ marks the column in which the rollback completed.")
                .append("\n\n");
        checks.forEach((check, hosts) -> chart(md, check + (units.get(check).isEmpty() ? ""
                : " (" + units.get(check) + ")"), labels, units.get(check), "%".equals(units.get(check)) ? 100.0
                : null, hosts, Map.of()));
        if (!breakerStates.isEmpty()) {
            chart(md, "Breaker state (0 closed, 1 half-open, 2 open)", labels, "state", 2.0, breakerStates,
                    breakerBefore);
        }
        if (!breakerFailures.isEmpty()) {
            chart(md, "Breaker failures", labels, "failures", null, breakerFailures, Map.of());
        }
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>(columns.labels());
        if (rolledBackAt != null) {
            int col = columns.of(rolledBackAt);
            labels.set(col, labels.get(col) + ROLLBACK_MARK);
        }
        return labels;
    }

    /** @param before each line's value before its first record (none or NaN: its first value, held back) */
    private void chart(StringBuilder md, String title, List<String> labels, String yAxis, Double yMax,
                       Map<String, double[]> lines, Map<String, Double> before) {
        List<Map.Entry<String, double[]>> shown = lines.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -peak(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_LINES).sorted(Map.Entry.comparingByKey()).toList();
        List<TrendChart.Series> series = shown.stream()
                .map(e -> new TrendChart.Series(e.getKey(), held(e.getValue(),
                        before.getOrDefault(e.getKey(), Double.NaN)))).toList();
        md.append(TrendChart.mermaid(title, labels, yAxis.isEmpty() ? "value" : yAxis, yMax, series)).append('\n');
        md.append("Lines in order: ").append(String.join(", ", shown.stream().map(e -> Markdown.inline(e.getKey()))
                .toList()));
        if (lines.size() > shown.size()) {
            md.append(" (and ").append(lines.size() - shown.size()).append(" more with lower values)");
        }
        md.append('.');
        if (!stepColumns.isEmpty()) {
            md.append(" Steps ran at ").append(String.join(", ", stepColumns.stream().map(columns::label).toList()))
                    .append('.');
        }
        md.append("\n\n");
    }

    private static double peak(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    /** Columns without a record hold the value before them; leading ones take {@code before}. */
    private static double[] held(double[] values, double before) {
        double[] out = values.clone();
        double first = Arrays.stream(values).filter(v -> !Double.isNaN(v)).findFirst().orElse(0);
        double last = Double.isNaN(before) ? first : before;
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = last;
            }
            last = out[i];
        }
        return out;
    }
}
