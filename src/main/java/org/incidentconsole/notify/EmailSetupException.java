package org.incidentconsole.notify;

/** An e-mail channel that cannot be tried as configured (its CA file, its addresses, a login without secret). */
final class EmailSetupException extends Exception {
    EmailSetupException(String sentence) {
        super(sentence);
    }
}
