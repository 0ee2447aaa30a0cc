package org.incidentconsole.ui.comms;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A channel of the Comms window and whether the operator ticked it. */
public final class ChannelRow {
    private final ChannelChoice choice;
    private final BooleanProperty selected = new SimpleBooleanProperty(false);

    ChannelRow(ChannelChoice choice) {
        this.choice = choice;
    }

    public ChannelChoice choice() {
        return choice;
    }

    public String name() {
        return choice.name();
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
