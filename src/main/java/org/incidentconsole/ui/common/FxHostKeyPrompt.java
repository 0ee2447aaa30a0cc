package org.incidentconsole.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.UnknownHostKey;

/**
 * The unknown-host-key dialog. Called from an SSH thread, it shows the dialog on the FX thread and waits for
 * the answer; one dialog at a time. "Do not connect" is the default button: nothing is trusted by accident.
 */
public final class FxHostKeyPrompt implements HostKeyPrompt {
    public static final String DIALOG_ID = "host-key-dialog";
    public static final String TRUST = "Trust and connect";
    public static final String REFUSE = "Do not connect";

    private final Supplier<Window> owner;

    public FxHostKeyPrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public synchronized boolean trust(UnknownHostKey key) {
        return FxDialogs.askAndWait(() -> ask(key), false);
    }

    private boolean ask(UnknownHostKey key) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Host"), new Label(key.address() + ":" + key.port()));
        grid.addRow(1, new Label("Key type"), new Label(key.keyType()));
        TextField fingerprint = new TextField(key.fingerprint());
        fingerprint.setId("host-key-fingerprint");
        fingerprint.setEditable(false);
        fingerprint.setPrefColumnCount(52);
        grid.addRow(2, new Label("Fingerprint"), fingerprint);
        grid.add(new Label("Compare it with the fingerprint published by the host's administrators.\n"
                + "Trusted keys are saved to the console's own known_hosts."), 0, 3, 2, 1);
        return ConfirmDialog.warning(DIALOG_ID, "First connection to " + key.hostName() + ": is this its key?",
                TRUST, REFUSE).title("Unknown host key").content(grid).owner(owner.get()).ask();
    }
}
