package org.incidentconsole.notify;

import java.util.Locale;

/** A channel's delivery of one message, as the window shows it. */
public enum DeliveryState {
    SENDING, WAITING_RETRY, DELIVERED, FAILED, CANCELLED;

    public boolean finished() {
        return this == DELIVERED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
