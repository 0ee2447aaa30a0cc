package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;

/** A message as the operator edits it: which template it came from, the subject (e-mail, card title), the text. */
public record Draft(CommsTemplate template, String subject, String text) {
    public Draft {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }
}
