package org.incidentconsole.ui.approval;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.incidentconsole.coordination.ApprovalRequest;

/**
 * Another operator's side: one request to read (step, hosts, the commands as they will run, who asks, until when)
 * and to approve, or refuse with a reason. Properties change on {@code ui}; the gateway is called on {@code io}.
 */
public final class ApprovalReviewViewModel {
    private final Executor ui;
    private final Executor io;
    private final ApprovalGateway gateway;
    private final ApprovalRequest request;
    private final Clock clock;
    private final SimpleStringProperty reason = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty decided = new SimpleBooleanProperty(false);
    private final BooleanBinding approveEnabled;
    private final BooleanBinding refuseEnabled;

    public ApprovalReviewViewModel(Executor ui, Executor io, ApprovalGateway gateway, ApprovalRequest request,
                                   Clock clock) {
        this.ui = ui;
        this.io = io;
        this.gateway = gateway;
        this.request = request;
        this.clock = clock;
        this.approveEnabled = busy.or(decided).not();
        this.refuseEnabled = Bindings.createBooleanBinding(() -> !busy.get() && !decided.get()
                && !reason.get().isBlank(), busy, decided, reason);
    }

    /** "Jana asks you to approve Step 5 on web-01, web-02 (until 14:07:00)". */
    public String heading() {
        return request.requester() + " asks you to approve " + request.step() + " on "
                + String.join(", ", request.hosts()) + " (until " + ApprovalText.time(request.expiresAt(), clock)
                + ")";
    }

    public String step() {
        return request.step();
    }

    public String hosts() {
        return String.join(", ", request.hosts());
    }

    public String requester() {
        return request.requester();
    }

    /** The commands as they will run, redacted. */
    public String commands() {
        return request.commands();
    }

    public void approve() {
        act(() -> gateway.approve(request.id()));
    }

    public void refuse() {
        String why = reason.get();
        if (!why.isBlank()) {
            act(() -> gateway.refuse(request.id(), why));
        }
    }

    private void act(Supplier<ApprovalAct> call) {
        if (busy.get() || decided.get()) {
            return;
        }
        busy.set(true);
        io.execute(() -> {
            ApprovalAct act = call.get();
            ui.execute(() -> {
                busy.set(false);
                decided.set(act.done());
                message.set(act.message());
            });
        });
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The decision's sentence, or why it was not taken (own request, expired, decided by someone else). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty decidedProperty() {
        return decided;
    }

    public BooleanBinding approveEnabledProperty() {
        return approveEnabled;
    }

    public BooleanBinding refuseEnabledProperty() {
        return refuseEnabled;
    }
}
