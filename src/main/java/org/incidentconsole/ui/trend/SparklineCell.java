package org.incidentconsole.ui.trend;

import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell showing a row's trend; the column's value is anything that changes when the trend does (a version
 * number, or the row itself when rows are rebuilt on each poll), so the cell draws again exactly then.
 */
public final class SparklineCell<R, V> extends TableCell<R, V> {
    /**
     * What a row draws: a line series and/or a state band (either may be null), the line's value range (null: from
     * zero to its highest), and a tooltip line.
     */
    public record Trend(TrendSeries series, TrendSeries band, double[] range, String tip) {
    }

    private final Sparkline sparkline = new Sparkline();
    private final Function<R, Trend> trendOf;
    private final TrendMarkers markers;
    private final Tooltip tip = new Tooltip();

    public SparklineCell(Function<R, Trend> trendOf, TrendMarkers markers) {
        this.trendOf = trendOf;
        this.markers = markers;
        getStyleClass().add("sparkline-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(V item, boolean empty) {
        super.updateItem(item, empty);
        R row = empty || getTableRow() == null ? null : getTableRow().getItem();
        Trend trend = row == null ? null : trendOf.apply(row);
        if (trend == null || (empty(trend.series()) && empty(trend.band()))) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        sparkline.show(empty(trend.series()) ? null : trend.series(), empty(trend.band()) ? null : trend.band(),
                markers, trend.range());
        setGraphic(sparkline);
        tip.setText(trend.tip());
        setTooltip(tip);
    }

    private static boolean empty(TrendSeries s) {
        return s == null || s.isEmpty();
    }
}
