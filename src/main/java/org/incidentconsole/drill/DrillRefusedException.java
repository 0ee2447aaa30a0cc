package org.incidentconsole.drill;

/** A command the drill's shell does not run: its message is the one sentence the operator sees. */
final class DrillRefusedException extends Exception {
    DrillRefusedException(String message) {
        super(message);
    }
}
