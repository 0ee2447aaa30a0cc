package org.incidentconsole.notify;

/**
 * A public status page, kept small so another service can be added: open an incident there, then update it. Calls
 * block (I/O threads only) and answer as an {@link Attempt}.
 */
public interface StatusPage {
    /** Opens an incident on the page; DELIVERED carries the page's incident id in {@link Attempt#ref()}. */
    Attempt create(StatusPost post) throws InterruptedException;

    /** Moves the page's incident {@code ref} to the post's status with its message and components. */
    Attempt update(String ref, StatusPost post) throws InterruptedException;

    /**
     * What {@link #create} ({@code ref} null) or {@link #update} would send, for the preview and {@code --dry-run}:
     * the method, the address and the payload, every secret masked.
     */
    String preview(String ref, StatusPost post);
}
