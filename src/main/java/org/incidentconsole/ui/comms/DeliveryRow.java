package org.incidentconsole.ui.comms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;

/**
 * One channel's delivery of the message just sent, in words: "sending…", "waiting to retry in 12 s: 429
 * rate_limited", "delivered at 14:03:07", "failed: 400 invalid_payload", "cancelled". A pending retry can be
 * cancelled. Changed on the FX thread only.
 */
public final class DeliveryRow {
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String channel;
    private final ReadOnlyObjectWrapper<DeliveryState> state = new ReadOnlyObjectWrapper<>(DeliveryState.SENDING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("sending…");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private DeliveryUpdate last;

    DeliveryRow(String channel) {
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }

    void apply(DeliveryUpdate update, Instant now, ZoneId zone) {
        last = update;
        state.set(update.state());
        cancellable.set(update.state() == DeliveryState.WAITING_RETRY);
        text.set(describe(update, now, zone));
    }

    /** The countdown of a pending retry, again; nothing otherwise. */
    void tick(Instant now, ZoneId zone) {
        if (last != null && last.state() == DeliveryState.WAITING_RETRY) {
            text.set(describe(last, now, zone));
        }
    }

    /** The update in the operator's words, at {@code now}, times in {@code zone}. */
    static String describe(DeliveryUpdate u, Instant now, ZoneId zone) {
        String tries = u.attempt() > 1 ? " after " + u.attempt() + " tries" : "";
        return switch (u.state()) {
            case SENDING -> u.attempt() > 1 ? "sending (try " + u.attempt() + ")…" : "sending…";
            case WAITING_RETRY -> (u.retryAt() == null ? "waiting to retry"
                    : "waiting to retry " + countdown(Duration.between(now, u.retryAt()))) + ": " + said(u);
            case DELIVERED -> "delivered at " + HH_MM_SS.format((u.at() == null ? now : u.at()).atZone(zone)) + tries;
            case FAILED -> "failed: " + said(u) + tries;
            case CANCELLED -> "cancelled" + tries;
        };
    }

    private static String countdown(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        return seconds <= 0 ? "now" : "in " + seconds + " s";
    }

    /** The server's answer: "429 rate_limited", "invalid_payload", "400", or "no answer". */
    private static String said(DeliveryUpdate u) {
        String reason = u.reason() == null ? "" : u.reason().strip();
        if (u.status() == null) {
            return reason.isEmpty() ? "no answer" : reason;
        }
        return reason.isEmpty() ? String.valueOf(u.status()) : u.status() + " " + reason;
    }

    public ReadOnlyObjectProperty<DeliveryState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True while a retry is pending: the row offers Cancel. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }
}
