package org.incidentconsole.ui.trend;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polyline;

/**
 * A small chart in a table cell: a handful of shapes styled from the stylesheet (trend-* classes), not a chart
 * control. The value line with each bucket's min..max behind it, or for a breaker a band coloured by state; steps
 * and the rollback as thin vertical marks. {@link #show} keeps the data; the shapes follow the cell's size.
 */
public final class Sparkline extends Region {
    public static final double WIDTH = 72;
    public static final double HEIGHT = 18;
    private static final double[] STATES = {0, 2};
    private static final String[] BAND_CLASSES = {"trend-band-closed", "trend-band-half-open", "trend-band-open"};

    private final Path bars = path("trend-range");
    private final Polyline line = new Polyline();
    private final Path[] bands = {path(BAND_CLASSES[0]), path(BAND_CLASSES[1]), path(BAND_CLASSES[2])};
    private final Path steps = path("trend-step");
    private final Path rollback = path("trend-rollback");
    private TrendSeries series;
    private TrendSeries band;
    private TrendMarkers markers;
    private double[] fixedRange;

    public Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("trend-line");
        line.setManaged(false);
        getChildren().addAll(bands);
        getChildren().addAll(bars, line, steps, rollback);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(24, HEIGHT);
        setMaxSize(Double.MAX_VALUE, HEIGHT);
    }

    private static Path path(String styleClass) {
        Path p = new Path();
        p.getStyleClass().add(styleClass);
        p.setManaged(false);
        return p;
    }

    /**
     * @param series     the value drawn as a line (may be null when only a band is drawn)
     * @param band       a state series (levels 0 closed, 1 half-open, 2 open) drawn as a coloured band behind, or null
     * @param fixedRange the line's value range, or null for the series' own
     */
    public void show(TrendSeries series, TrendSeries band, TrendMarkers markers, double[] fixedRange) {
        this.series = series;
        this.band = band;
        this.markers = markers;
        this.fixedRange = fixedRange;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        TrendSeries axis = series != null ? series : band;
        if (axis == null) {
            clear();
            return;
        }
        var marks = markers == null ? List.<TrendMarkers.Marker>of() : markers.between(axis.from(), axis.to());
        SparkGeometry g = series == null ? SparkGeometry.of(band, marks, w, h, STATES, true)
                : SparkGeometry.of(series, marks, w, h, fixedRange, false);
        SparkGeometry b = band == null ? null : series == null ? g : SparkGeometry.of(band, List.of(), w, h, STATES,
                true);
        double left = snappedLeftInset();
        double top = snappedTopInset();
        for (int level = 0; level < bands.length; level++) {
            int l = level;
            bands[level].getElements().setAll(b == null ? List.of() : b.bands().stream().filter(x -> x.level() == l)
                    .flatMap(x -> rect(left + x.x0(), top, left + x.x1(), top + h).stream()).toList());
        }
        bars.getElements().setAll(series == null ? List.<PathElement>of() : g.bars().stream()
                .flatMap(r -> List.<PathElement>of(new MoveTo(left + r[0], top + r[1]),
                        new LineTo(left + r[0], top + r[2])).stream()).toList());
        Double[] points = series == null ? new Double[0] : g.line().stream()
                .flatMap(p -> Stream.of(left + p[0], top + p[1])).toArray(Double[]::new);
        line.getPoints().setAll(points);
        steps.getElements().setAll(marks(g, TrendMarkers.Kind.STEP, left, top, h));
        rollback.getElements().setAll(marks(g, TrendMarkers.Kind.ROLLBACK, left, top, h));
    }

    private void clear() {
        for (Path b : bands) {
            b.getElements().clear();
        }
        bars.getElements().clear();
        line.getPoints().clear();
        steps.getElements().clear();
        rollback.getElements().clear();
    }

    private static List<PathElement> rect(double x0, double y0, double x1, double y1) {
        return List.of(new MoveTo(x0, y0), new LineTo(x1, y0), new LineTo(x1, y1), new LineTo(x0, y1),
                new LineTo(x0, y0));
    }

    private static List<PathElement> marks(SparkGeometry g, TrendMarkers.Kind kind, double left, double top,
                                           double h) {
        return g.marks().stream().filter(m -> m.kind() == kind).flatMap(m -> List.<PathElement>of(
                new MoveTo(left + m.x(), top), new LineTo(left + m.x(), top + h)).stream()).toList();
    }
}
