package org.incidentconsole.ui.common;

import java.util.Locale;
import javafx.css.PseudoClass;

/**
 * Style-class and pseudo-class names used from code; the CSS in styles/ defines them. A state (a host's connection,
 * a breaker, a health status, the advice, the severity, the step budget, the environment) is a pseudo-class named
 * after its value ({@code HALF_OPEN} → {@code :half-open}), set by {@link StateStyles}.
 */
public final class StyleClasses {
    public static final String HOST_CELL = "host-cell";
    public static final String HOST_NAME = "host-name";
    public static final String HOST_DETAIL = "host-detail";
    public static final String HOST_REASON = "host-reason";
    public static final String STATE_DOT = "state-dot";
    public static final String STATE_LABEL = "state-label";
    /** The breaker table's state cells, coloured by the breaker's state. */
    public static final String BREAKER_STATE = "breaker-state";
    /** The health table's status cells, coloured by the check's status. */
    public static final String HEALTH_STATUS = "health-status";
    public static final String DANGER_BADGE = "danger-badge";
    public static final String SCRIPT = "script";
    public static final String STEP_OUTPUT = "step-output";
    public static final String STEP_TITLE = "step-title";
    public static final String INVENTORY_MESSAGE = "inventory-message";
    public static final String SHORTCUT_LIST = "shortcut-list";
    public static final String GREYED = "greyed";
    /** The Comms window's delivery rows, coloured by the channel's delivery state (#21). */
    public static final String DELIVERY_STATE = "delivery-state";
    /** The Comms window's status line: what was filled, copied, sent. */
    public static final String COMMS_MESSAGE = "comms-message";

    /** A breaker stuck open: shown over its state. */
    public static final PseudoClass STUCK = PseudoClass.getPseudoClass("stuck");

    private StyleClasses() {
    }

    /** e.g. HALF_OPEN → "half-open"; the same in every locale. */
    public static String cssName(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    /** e.g. HALF_OPEN → the pseudo-class {@code :half-open}. */
    public static PseudoClass pseudoClass(Enum<?> state) {
        return pseudoClass(state.name());
    }

    /** e.g. "production" → {@code :production}, "ROLLBACK_NOW" → {@code :rollback-now}. */
    public static PseudoClass pseudoClass(String value) {
        return PseudoClass.getPseudoClass(cssName(value));
    }
}
