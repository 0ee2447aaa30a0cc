package org.incidentconsole.ui.approval;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.incidentconsole.coordination.ApprovalRequest;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.approval.ApprovalOutcome.Result;
import org.incidentconsole.ui.common.ErrorPresenter;

/**
 * The requester's side of a second pair of eyes: asks, says what it waits for and until when, lets the incident
 * commander waive it with a typed reason, and ends with the outcome ({@link #result()}). Properties change on the
 * {@code ui} executor; the gateway is called on {@code io}.
 */
public final class ApprovalWaitViewModel {
    private final Executor ui;
    private final Executor io;
    private final ApprovalGateway gateway;
    private final Clock clock;
    private final Step step;
    private final List<Host> hosts;
    private final List<String> commands;
    private final SimpleStringProperty heading = new SimpleStringProperty("");
    private final SimpleStringProperty status = new SimpleStringProperty("Asking…");
    private final SimpleBooleanProperty commander = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty waiving = new SimpleBooleanProperty(false);
    private final SimpleStringProperty reason = new SimpleStringProperty("");
    private final SimpleObjectProperty<ApprovalOutcome> outcome = new SimpleObjectProperty<>();
    private final CompletableFuture<ApprovalOutcome> result = new CompletableFuture<>();
    private final BooleanBinding waiveEnabled;
    private volatile ApprovalRequest request;

    public ApprovalWaitViewModel(Executor ui, Executor io, ApprovalGateway gateway, Clock clock, Step step,
                                 List<Host> hosts, List<String> commands) {
        this.ui = ui;
        this.io = io;
        this.gateway = gateway;
        this.clock = clock;
        this.step = step;
        this.hosts = List.copyOf(hosts);
        this.commands = List.copyOf(commands);
        this.waiveEnabled = Bindings.createBooleanBinding(() -> commander.get() && outcome.get() == null
                && request != null && !reason.get().isBlank(), commander, outcome, reason);
        heading.set("Asking a second operator to approve " + step.title() + " on " + names() + "…");
    }

    /** Sends the request (off the FX thread); the outcome follows by itself. */
    public void start() {
        io.execute(() -> {
            ApprovalTicket ticket;
            ApprovalPresence here;
            try {
                ticket = gateway.request(step, hosts, commands);
                here = gateway.presence();
            } catch (RuntimeException e) {
                String said = ErrorPresenter.logged("The approval could not be asked", e);
                ui.execute(() -> finish(new ApprovalOutcome(Result.UNAVAILABLE, null, null, said)));
                return;
            }
            ui.execute(() -> {
                request = ticket.request();
                commander.set(here.commander());
                if (request != null) {
                    heading.set(ApprovalText.waiting(request.step(), request.hosts(), request.expiresAt(), clock));
                }
                status.set(ticket.now().result() == Result.WAITING ? "In the incident: " + here.summary() + "."
                        : ticket.now().message());
                waiveEnabled.invalidate();
            });
            ticket.outcome().whenComplete((o, e) -> ui.execute(() -> finish(o != null ? o
                    : new ApprovalOutcome(Result.UNAVAILABLE, null, null, "The approval could not be followed."))));
        });
    }

    /** The commander's "Waive with reason…": shows the reason field. */
    public void beginWaiver() {
        waiving.set(true);
    }

    /** Waives with the typed reason; a refusal of the waiver is said in the status line. */
    public void waive() {
        ApprovalRequest r = request;
        String why = reason.get();
        if (r == null || why.isBlank() || outcome.get() != null) {
            return;
        }
        io.execute(() -> {
            ApprovalAct act = gateway.waive(r.id(), why);
            if (!act.done()) {
                ui.execute(() -> status.set(act.message()));
            }
        });
    }

    /** The requester gives up waiting: the request is withdrawn and the step does not run. */
    public void cancel() {
        if (outcome.get() != null) {
            return;
        }
        ApprovalRequest r = request;
        if (r != null) {
            io.execute(() -> gateway.cancel(r.id()));
        }
        finish(new ApprovalOutcome(Result.CANCELLED, gateway.operator(), null, "Cancelled: " + step.title()
                + " does not run."));
    }

    private void finish(ApprovalOutcome o) {
        if (outcome.get() != null) {
            return;
        }
        outcome.set(o);
        heading.set(step.title() + " on " + names() + (o.allowsRun() ? " runs now." : " does not run."));
        status.set(o.message());
        result.complete(o);
    }

    private String names() {
        return String.join(", ", hosts.stream().map(Host::name).toList());
    }

    /** Completes once decided, expired, cancelled or unreachable: whether the step may run. */
    public CompletableFuture<ApprovalOutcome> result() {
        return result;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    /** Who is in the incident while waiting, the NO_SECOND_OPERATOR sentence, a refused waiver, or the outcome. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public String commandsText() {
        return String.join("\n\n", commands);
    }

    /** This console's operator is the incident commander: "Waive with reason…" is offered. */
    public ReadOnlyBooleanProperty commanderProperty() {
        return commander;
    }

    public ReadOnlyBooleanProperty waivingProperty() {
        return waiving;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanBinding waiveEnabledProperty() {
        return waiveEnabled;
    }

    public ReadOnlyObjectProperty<ApprovalOutcome> outcomeProperty() {
        return outcome;
    }
}
