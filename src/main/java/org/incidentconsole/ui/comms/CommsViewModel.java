package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.ui.common.ErrorPresenter;

/**
 * The Comms window: choose a template, edit the filled subject and text, tick channels (the status page with its
 * phase), preview what each channel gets, then Send, and follow each channel's delivery (a pending retry can be
 * cancelled), or Copy the text instead. Everything that may block goes through the gateway on {@code io}; results
 * come back on {@code ui}. Send is off with no channel, an empty text, or while the last message is still under way.
 */
public final class CommsViewModel {
    private final Executor ui;
    private final Executor io;
    private final CommsGateway gateway;
    private final Clock clock;

    private final ObjectProperty<CommsTemplate> template = new SimpleObjectProperty<>(CommsTemplate.INITIAL);
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<StatusPhase> phase = new SimpleObjectProperty<>(StatusPhase.INVESTIGATING);
    private final ObservableList<ChannelRow> channels = FXCollections.observableArrayList(
            row -> new Observable[] {row.selectedProperty()});
    private final ObservableList<DeliveryRow> deliveries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding anyChannel = Bindings.createBooleanBinding(
            () -> channels.stream().anyMatch(r -> r.selectedProperty().get()), channels);
    private final BooleanBinding statusPageChosen = Bindings.createBooleanBinding(
            () -> channels.stream().anyMatch(r -> r.choice().isStatusPage() && r.selectedProperty().get()), channels);
    private final BooleanBinding canSend;
    private volatile Delivery delivery;
    /** Counts fills: a template's text that arrives after another template was chosen is dropped. */
    private int fills;

    public CommsViewModel(Executor ui, Executor io, CommsGateway gateway, Clock clock) {
        this.ui = ui;
        this.io = io;
        this.gateway = gateway;
        this.clock = clock;
        canSend = anyChannel.and(Bindings.createBooleanBinding(() -> !text.get().isBlank(), text))
                .and(sending.not());
        // a preview shown is the preview of what is on screen: any change hides it until Preview again
        subject.addListener((obs, old, now) -> preview.set(""));
        text.addListener((obs, old, now) -> preview.set(""));
        phase.addListener((obs, old, now) -> preview.set(""));
        channels.addListener((Observable o) -> preview.set(""));
        template.addListener((obs, old, now) -> {
            if (now != null) {
                fill(now);
            }
        });
    }

    /**
     * Reads the channels and the status page's phase (again: the inventory may have been reloaded), keeping the
     * ticks of channels still there; fills the chosen template when there is no text yet.
     */
    public CompletableFuture<Void> open() {
        boolean empty = text.get().isBlank();
        return CompletableFuture.supplyAsync(() -> new Opened(gateway.channels(), gateway.phase()), io)
                .thenAcceptAsync(opened -> {
                    List<String> ticked = selected();
                    List<ChannelRow> rows = new ArrayList<>();
                    for (ChannelChoice c : opened.channels()) {
                        ChannelRow row = new ChannelRow(c);
                        row.selectedProperty().set(ticked.contains(c.name()));
                        rows.add(row);
                    }
                    channels.setAll(rows);
                    if (opened.phase() != null) {
                        phase.set(opened.phase());
                    }
                    if (opened.channels().isEmpty()) {
                        message.set("No channels in the inventory's notify: section; Copy puts the text on the "
                                + "clipboard.");
                    }
                }, ui)
                .thenCompose(v -> empty ? fill(template.get()) : CompletableFuture.completedFuture(null))
                .exceptionally(err -> failed("Channels not read", err));
    }

    private record Opened(List<ChannelChoice> channels, StatusPhase phase) {
    }

    /** Fills subject and text from the template; the resolved template moves the status page's phase to resolved. */
    private CompletableFuture<Void> fill(CommsTemplate chosen) {
        int fill = ++fills;
        return CompletableFuture.supplyAsync(() -> gateway.fill(chosen), io).thenAcceptAsync(draft -> {
            if (fill != fills) {
                return;
            }
            subject.set(draft.subject());
            text.set(draft.text());
            if (chosen == CommsTemplate.RESOLVED) {
                phase.set(StatusPhase.RESOLVED);
            }
            message.set(chosen == CommsTemplate.FREE ? "Write the message." : chosen.label() + " filled from the "
                    + "incident: check it, edit it, tick the channels.");
        }, ui).exceptionally(err -> failed("The template was not filled", err));
    }

    /** What each ticked channel will be sent, one block per channel; a channel that cannot preview says why. */
    public CompletableFuture<Void> preview() {
        Draft draft = draft();
        List<String> names = selected();
        List<String> kinds = channels.stream().filter(r -> r.selectedProperty().get()).map(r -> r.choice().kind())
                .toList();
        StatusPhase p = phase.get();
        if (names.isEmpty()) {
            message.set("Tick a channel to preview what it will be sent.");
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                out.append("── ").append(name).append(" · ").append(kinds.get(i)).append(" ──\n");
                try {
                    out.append(gateway.preview(name, draft, ChannelChoice.STATUS_PAGE.equals(name) ? p : null));
                } catch (RuntimeException e) {
                    out.append(ErrorPresenter.plain("cannot preview", e));
                }
                out.append("\n\n");
            }
            return out.toString().stripTrailing();
        }, io).thenAcceptAsync(shown -> {
            if (draft.equals(draft()) && names.equals(selected()) && p == phase.get()) {
                preview.set(shown);
            }
        }, ui).exceptionally(err -> failed("No preview", err));
    }

    /**
     * Sends the message on screen to the ticked channels: one row per channel follows its delivery. Completes with
     * each channel's last update once every channel is settled (empty when nothing was sent).
     */
    public CompletableFuture<List<DeliveryUpdate>> send() {
        if (!canSend.get()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Draft draft = draft();
        List<String> names = selected();
        StatusPhase p = names.contains(ChannelChoice.STATUS_PAGE) ? phase.get() : null;
        sending.set(true);
        delivery = null;
        deliveries.setAll(names.stream().map(DeliveryRow::new).toList());
        message.set("Sending to " + String.join(", ", names) + "…");
        return CompletableFuture.supplyAsync(() -> {
            Delivery d = gateway.send(draft, names, p, update -> ui.execute(() -> show(update)));
            delivery = d;
            return d;
        }, io).thenCompose(Delivery::finished).whenCompleteAsync((last, err) -> {
            sending.set(false);
            if (err != null) {
                deliveries.clear();
                message.set(ErrorPresenter.logged("Not sent", err));
                return;
            }
            last.forEach(this::show);
            message.set(summary(last));
        }, ui);
    }

    private void show(DeliveryUpdate update) {
        deliveries.stream().filter(r -> r.channel().equals(update.channel())).findFirst()
                .ifPresent(r -> r.apply(update, clock.instant(), clock.getZone()));
    }

    private static String summary(List<DeliveryUpdate> last) {
        List<String> parts = new ArrayList<>();
        for (DeliveryState s : List.of(DeliveryState.DELIVERED, DeliveryState.FAILED, DeliveryState.CANCELLED)) {
            long n = last.stream().filter(u -> u.state() == s).count();
            if (n > 0) {
                parts.add(n + " " + s.label());
            }
        }
        return "Done: " + String.join(", ", parts) + ".";
    }

    /** Cancels the channel's pending retry; the row turns to cancelled when the delivery says so. */
    public void cancel(String channel) {
        Delivery d = delivery;
        if (d != null) {
            io.execute(() -> d.cancel(channel));
        }
    }

    /**
     * The text to put on the clipboard instead of sending, journaled as copied; null when there is no text.
     * The caller (the view) puts it on the clipboard.
     */
    public String copy() {
        String copied = text.get();
        if (copied.isBlank()) {
            message.set("Nothing to copy: the text is empty.");
            return null;
        }
        CommsTemplate t = template.get();
        CompletableFuture.runAsync(() -> gateway.copied(t, copied), io)
                .thenRunAsync(() -> message.set(t.label() + " copied to the clipboard (journaled)."), ui)
                .exceptionally(err -> failed("Copied, but not journaled", err));
        return copied;
    }

    /** Every second on the FX thread: the countdown of pending retries. */
    public void tick() {
        deliveries.forEach(r -> r.tick(clock.instant(), clock.getZone()));
    }

    private Void failed(String what, Throwable err) {
        String said = ErrorPresenter.logged(what, err);
        ui.execute(() -> message.set(said));
        return null;
    }

    private Draft draft() {
        return new Draft(template.get(), subject.get().strip(), text.get().strip());
    }

    private List<String> selected() {
        return channels.stream().filter(r -> r.selectedProperty().get()).map(ChannelRow::name).toList();
    }

    public ObjectProperty<CommsTemplate> templateProperty() {
        return template;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<StatusPhase> phaseProperty() {
        return phase;
    }

    public ObservableList<ChannelRow> channels() {
        return channels;
    }

    /** Rows of the message last sent, one per channel. */
    public ObservableList<DeliveryRow> deliveries() {
        return deliveries;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** True when the status page is ticked: its phase chooser is on. */
    public BooleanBinding statusPageChosenProperty() {
        return statusPageChosen;
    }
}
