package org.incidentconsole.ui.health;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import java.time.Duration;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import org.incidentconsole.health.CheckMeasures;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.ui.trend.TrendSeries;

/** One host/check line of the health panel; updated in place on each result. */
public final class HealthRow {
    private final String host;
    private final String check;
    private final SimpleObjectProperty<HealthStatus> status = new SimpleObjectProperty<>(HealthStatus.UNKNOWN);
    private final SimpleStringProperty value = new SimpleStringProperty("");
    private final SimpleStringProperty detail = new SimpleStringProperty("");
    private final SimpleStringProperty updated = new SimpleStringProperty("");
    // #19 trends: the check's number over the incident, and a counter that moves with it (redraws the cell)
    private final TrendSeries trend = new TrendSeries(TREND_BUCKETS, Duration.ofSeconds(5));
    private final SimpleLongProperty trendVersion = new SimpleLongProperty();
    private String unit = "";
    static final int TREND_BUCKETS = 90;

    HealthRow(String host, String check) {
        this.host = host;
        this.check = check;
    }

    void apply(CheckResult r, String time) {
        status.set(r.status());
        value.set(r.value());
        detail.set(r.detail() == null ? "" : r.detail());
        updated.set(time);
        CheckMeasures.of(r).ifPresent(m -> {
            trend.add(r.at(), m.value());
            unit = m.unit();
            trendVersion.set(trendVersion.get() + 1);
        });
    }

    /** #19 trends: the numbers this check gave so far (FX thread). */
    public TrendSeries trend() {
        return trend;
    }

    public String unit() {
        return unit;
    }

    public ReadOnlyLongProperty trendVersionProperty() {
        return trendVersion;
    }

    public String host() {
        return host;
    }

    public String check() {
        return check;
    }

    public ReadOnlyObjectProperty<HealthStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated;
    }
}
