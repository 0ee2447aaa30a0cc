package org.incidentconsole.notify;

/** One channel's delivery: a blocking call made on an I/O thread, never on the FX thread. */
public interface Sender {
    /** The channel's name in the inventory. */
    String channel();

    /** One try; never throws for a delivery problem (that is an Attempt), and never puts a secret in the result. */
    Attempt send(Outgoing message) throws InterruptedException;

    /** What would be sent, for {@code --dry-run} and the preview: the payload with every secret masked. */
    String preview(Outgoing message);
}
