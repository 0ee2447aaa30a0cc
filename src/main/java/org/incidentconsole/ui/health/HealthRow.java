package org.incidentconsole.ui.health;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthStatus;

/** One host/check line of the health panel; updated in place on each result. */
public final class HealthRow {
    private final String host;
    private final String check;
    private final SimpleObjectProperty<HealthStatus> status = new SimpleObjectProperty<>(HealthStatus.UNKNOWN);
    private final SimpleStringProperty value = new SimpleStringProperty("");
    private final SimpleStringProperty detail = new SimpleStringProperty("");
    private final SimpleStringProperty updated = new SimpleStringProperty("");

    HealthRow(String host, String check) {
        this.host = host;
        this.check = check;
    }

    void apply(CheckResult r, String time) {
        status.set(r.status());
        value.set(r.value());
        detail.set(r.detail() == null ? "" : r.detail());
        updated.set(time);
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
