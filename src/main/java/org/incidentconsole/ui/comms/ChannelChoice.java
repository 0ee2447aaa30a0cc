package org.incidentconsole.ui.comms;

/** A channel the operator can tick: its name in the inventory and its kind in words ("slack", "email"). */
public record ChannelChoice(String name, String kind) {
    /** The status page's name among the channels, as the journal writes it. */
    public static final String STATUS_PAGE = "status-page";

    public static ChannelChoice statusPage() {
        return new ChannelChoice(STATUS_PAGE, "status page");
    }

    public boolean isStatusPage() {
        return STATUS_PAGE.equals(name);
    }

    /** "ops (slack)"; the status page is just "status page". */
    public String label() {
        return isStatusPage() ? kind : name + "  (" + kind + ")";
    }
}
