package org.incidentconsole.ui.approval;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.coordination.ApprovalRequest;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the window's bar: the requests waiting for this console's operator ("1 approval waiting", "" when none) and
 * the review of one of them. {@link #refresh()} reads them off the FX thread; {@link #poll} repeats it.
 */
public final class ApprovalsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalsViewModel.class);
    private final Executor ui;
    private final Executor io;
    private final ApprovalGateway gateway;
    private final Clock clock;
    private final ObservableList<ApprovalRequest> waiting = FXCollections.observableArrayList();
    private final SimpleStringProperty label = new SimpleStringProperty("");
    private volatile ScheduledFuture<?> poller;

    public ApprovalsViewModel(Executor ui, Executor io, ApprovalGateway gateway, Clock clock) {
        this.ui = ui;
        this.io = io;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Reads the waiting requests again. */
    public void refresh() {
        io.execute(this::read);
    }

    /** Reads them every {@code every} on {@code scheduler} until {@link #stop()}. */
    public void poll(ScheduledExecutorService scheduler, Duration every) {
        stop();
        poller = scheduler.scheduleWithFixedDelay(this::read, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ScheduledFuture<?> p = poller;
        if (p != null) {
            p.cancel(false);
        }
    }

    private void read() {
        try {
            List<ApprovalRequest> now = gateway.pending();
            ui.execute(() -> {
                waiting.setAll(now);
                label.set(words(now.size()));
            });
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Approvals not read: {}", e.getMessage());
        }
    }

    static String words(int count) {
        return count == 0 ? "" : count == 1 ? "1 approval waiting" : count + " approvals waiting";
    }

    /** "1 approval waiting", "2 approvals waiting", or "" when nothing waits for this operator. */
    public ReadOnlyStringProperty labelProperty() {
        return label;
    }

    /** Oldest first. */
    public ObservableList<ApprovalRequest> waiting() {
        return FXCollections.unmodifiableObservableList(waiting);
    }

    /** The review of the oldest waiting request, or null when none waits. */
    public ApprovalReviewViewModel reviewOldest() {
        return waiting.isEmpty() ? null : review(waiting.get(0));
    }

    public ApprovalReviewViewModel review(ApprovalRequest request) {
        return new ApprovalReviewViewModel(ui, io, gateway, request, clock);
    }
}
